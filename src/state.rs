//! Application state: everything the page shows is derived from this one value, changed only
//! through [`Action`]s.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

/// The built-in example: the 2024 budget disclosure of 库尔勒市朝阳街道办事处.
pub const EXAMPLE: &str = include_str!("../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");

/// What the user is working on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppState {
    /// The disclosure text as pasted or loaded (shared, so renders copy no text).
    pub text: AttrValue,
}

/// Everything that can change [`AppState`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user edited the text area.
    Edit(String),
    /// Replace the text with the built-in example.
    LoadExample,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let text = match action {
            Action::Edit(text) => AttrValue::from(text),
            Action::LoadExample => AttrValue::Static(EXAMPLE),
        };
        if text == self.text {
            return self;
        }
        Rc::new(AppState { text })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn starts_empty() {
        assert_eq!(AppState::default().text.as_str(), "");
    }

    #[test]
    fn load_example_puts_the_sample_in_place() {
        let state = reduce(AppState::default(), Action::Edit("old".into()));
        let state = reduce(state, Action::LoadExample);
        assert_eq!(state.text.as_str(), EXAMPLE);
        assert!(EXAMPLE.contains("库尔勒市朝阳街道办事处"));
    }

    #[test]
    fn edit_replaces_the_text() {
        let state = reduce(AppState::default(), Action::LoadExample);
        let state = reduce(state, Action::Edit("新的文本".into()));
        assert_eq!(state.text.as_str(), "新的文本");
    }

    #[test]
    fn an_edit_that_changes_nothing_keeps_the_same_state() {
        let before = Rc::new(AppState {
            text: "same".into(),
        });
        let after = before.clone().reduce(Action::Edit("same".into()));
        assert!(Rc::ptr_eq(&before, &after));
    }
}
