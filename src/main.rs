//! Budget Lens (预算透视): the browser app. Everything runs on the page; nothing is sent anywhere.

mod state;
mod summary;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::state::{Action, AppState};
use crate::summary::summarize;

#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(AppState::default);

    let on_input = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            dispatcher.dispatch(Action::Edit(area.value()));
        })
    };
    let on_load_example = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::LoadExample))
    };

    let summary = summarize(&state.text);

    html! {
        <main class="app">
            <header class="masthead">
                <h1>{ "预算透视 Budget Lens" }</h1>
                <p class="tagline">
                    { "在浏览器里核对部门预算、决算公开文本；数据不离开本机。" }
                    <br />
                    { "Check Chinese government budget disclosures in your browser. Your text never leaves this page." }
                </p>
            </header>
            <div class="toolbar">
                <label for="paste-input">{ "粘贴公开文本 / Paste the disclosure text" }</label>
                <button type="button" data-testid="load-example" onclick={on_load_example}>
                    { "示例 / Example" }
                </button>
            </div>
            <textarea
                id="paste-input"
                data-testid="paste-input"
                spellcheck="false"
                placeholder="把部门预算 PDF 的文字复制到这里…… / Paste the text of a budget PDF here…"
                value={state.text.clone()}
                oninput={on_input}
            />
            <section data-testid="summary" class="summary" aria-live="polite">
                <h2>{ "概览 / Summary" }</h2>
                <dl>
                    <dt>{ "非空行 / Non-blank lines" }</dt>
                    <dd data-testid="line-count">{ summary.non_blank_lines }</dd>
                    <dt>{ "编制部门 / Department" }</dt>
                    <dd data-testid="department">
                        { summary.department.unwrap_or_else(|| "—".to_owned()) }
                    </dd>
                </dl>
            </section>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
