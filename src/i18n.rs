//! Every string the interface shows, in Chinese (the default) and English.
//!
//! Fixed strings are fields of [`Strings`], one value per language, so a missing translation is
//! a compile error. Strings with parameters are methods of [`Lang`]. Document text (names,
//! titles, the core's bilingual messages) is not here: it is shown as the document or the core
//! gives it.

use disclosure::check::Severity;
use disclosure::{Col, DocKind, Unit};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

/// The fixed strings of one language.
pub struct Strings {
    pub app_title: &'static str,
    pub tagline: &'static str,
    /// The toggle shows the *other* language's name.
    pub lang_toggle: &'static str,
    pub lang_toggle_label: &'static str,
    pub footer: &'static str,
    pub kiosk_banner: &'static str,
    pub library_heading: &'static str,
    pub library_intro: &'static str,
    pub library_loading: &'static str,
    pub library_empty: &'static str,
    pub library_missing: &'static str,
    pub library_damaged: &'static str,
    pub idle_touch: &'static str,

    pub input_label: &'static str,
    pub input_placeholder: &'static str,
    pub load_example: &'static str,
    pub example_desc: &'static str,
    pub open_file: &'static str,
    pub drop_hint: &'static str,
    pub drop_now: &'static str,
    pub clear: &'static str,
    /// The button that opens the folded text box.
    pub unfold: &'static str,
    pub start_intro: &'static str,
    pub start_steps: [&'static str; 3],
    pub empty_text: &'static str,
    pub dismiss: &'static str,

    pub analysing: &'static str,

    pub summary_heading: &'static str,
    pub department: &'static str,
    pub year: &'static str,
    pub kind: &'static str,
    pub unit: &'static str,
    pub income_total: &'static str,
    pub expense_total: &'static str,
    pub basic: &'static str,
    pub project: &'static str,
    pub personnel: &'static str,
    pub public: &'static str,
    pub three_public: &'static str,
    pub running_cost: &'static str,
    pub procurement: &'static str,
    pub carryover: &'static str,
    pub general_budget: &'static str,
    pub establishment: &'static str,
    pub staff_actual: &'static str,
    pub staff_in_service: &'static str,
    pub people: &'static str,
    pub not_given: &'static str,
    pub quality: &'static str,
    pub verdict_errors: &'static str,
    pub verdict_warnings: &'static str,
    pub verdict_clean: &'static str,
    pub verdict_none: &'static str,
    /// What the text covers (a part, the narrative alone).
    pub covers: &'static str,
    pub checklist: &'static str,
    pub present: &'static str,
    pub missing: &'static str,
    pub optional: &'static str,

    pub nav_label: &'static str,
    pub nav_findings: &'static str,
    pub nav_shares: &'static str,
    pub nav_tables: &'static str,
    pub nav_previous: &'static str,

    pub findings_heading: &'static str,
    pub filter_severity: &'static str,
    pub filter_table: &'static str,
    pub all_tables: &'static str,
    pub no_table: &'static str,
    pub expected: &'static str,
    pub actual: &'static str,
    pub rule: &'static str,
    pub lines: &'static str,
    pub show_source: &'static str,
    pub no_findings: &'static str,
    pub none_match: &'static str,
    pub parser_note: &'static str,
    pub not_checked: &'static str,
    pub unreliable_table: &'static str,
    pub unknown_rule: &'static str,

    pub source_heading: &'static str,
    pub source_close: &'static str,
    pub source_hint: &'static str,
    /// While a PDF's page is being drawn for the source view.
    pub pdf_page_drawing: &'static str,
    pub earlier: &'static str,
    pub later: &'static str,

    pub shares_heading: &'static str,
    pub functional: &'static str,
    pub economic: &'static str,
    pub basic_project: &'static str,
    pub personnel_public: &'static str,
    pub three_public_parts: &'static str,
    pub projects: &'static str,
    pub col_code: &'static str,
    pub col_name: &'static str,
    pub col_percent: &'static str,
    pub col_detail: &'static str,
    pub drill_in: &'static str,
    pub drill_all: &'static str,
    pub no_shares: &'static str,
    pub chart: &'static str,

    pub tables_heading: &'static str,
    pub col_subject: &'static str,
    pub col_project: &'static str,
    pub side_income: &'static str,
    pub side_expense: &'static str,
    pub no_tables: &'static str,
    pub empty_table: &'static str,
    pub recomputed_legend: &'static str,

    pub previous_heading: &'static str,
    pub previous_note: &'static str,
    pub col_item: &'static str,
    pub col_section: &'static str,
    pub col_current: &'static str,
    pub col_change: &'static str,
    pub col_prior: &'static str,
    pub col_growth: &'static str,
    pub no_previous: &'static str,

    pub pages_label: &'static str,
    pub page_analyzer: &'static str,
    pub page_workspace: &'static str,
    pub page_compare: &'static str,
    pub page_time: &'static str,
    pub pasted_text: &'static str,
    pub ws_add_current: &'static str,
    pub ws_add_current_desc: &'static str,
    pub ws_heading: &'static str,
    pub ws_add_files: &'static str,
    pub ws_import: &'static str,
    pub ws_export: &'static str,
    pub ws_saved_here: &'static str,
    pub ws_saved_local: &'static str,
    pub ws_kiosk: &'static str,
    pub ws_not_saving: &'static str,
    pub ws_empty: &'static str,
    pub ws_name: &'static str,
    pub ws_unsaved: &'static str,
    pub ws_duplicate: &'static str,
    pub ws_open: &'static str,
    pub ws_remove: &'static str,
    pub compare_heading: &'static str,
    pub compare_empty: &'static str,
    /// The later module (src/later.rs) is on its way.
    pub later_loading: &'static str,
    /// The later module could not be loaded.
    pub later_failed: &'static str,
    pub compare_legend: &'static str,
    pub metric: &'static str,
    pub highest: &'static str,
    pub lowest: &'static str,
    pub printed_in_yuan: &'static str,
    /// A compare column that holds only part of a disclosure.
    pub part_badge: &'static str,
    /// Why a part's column shows no value: the part lacks the table.
    pub not_in_part: &'static str,
    pub show_derivations: &'static str,
    pub export_csv: &'static str,
    /// The button that downloads the whole parse and check of a document.
    pub export_json: &'static str,
    pub print_report: &'static str,
    pub chart_functions: &'static str,
    pub chart_per_staff: &'static str,
    /// The button under a chart that saves it as a PNG.
    pub download_png: &'static str,
    /// Why a chart without figures cannot be saved.
    pub png_empty: &'static str,
    pub time_heading: &'static str,
    pub time_legend: &'static str,
    pub time_empty: &'static str,
    pub time_single: &'static str,
    /// The count of people a user enters for a document, and its kinds.
    pub ws_people: &'static str,
    pub ws_people_basis: &'static str,
    pub people_staff: &'static str,
    pub people_residents: &'static str,
    pub ws_people_hint: &'static str,
    /// Marks a count the user entered (not read from the document).
    pub entered: &'static str,
    pub rank_heading: &'static str,
    pub rank_mode: &'static str,
    pub rank_as_stated: &'static str,
    pub rank_per_staff: &'static str,
    pub rank_per_resident: &'static str,
    pub rank_not_stated: &'static str,
    pub rank_not_stated_desc: &'static str,
    pub rank_no_count: &'static str,
    pub rank_no_count_desc: &'static str,
    pub rank_one: &'static str,
    pub rank_not_amount: &'static str,
}

static ZH: Strings = Strings {
    app_title: "预算透视",
    tagline: "在浏览器里核对部门预算、决算公开文本。文本不离开本机，断网也能用。",
    lang_toggle: "English",
    lang_toggle_label: "Switch the interface to English",
    footer: "所有分析都在这台设备的浏览器中完成，文本不会上传到任何地方。",
    kiosk_banner: "展示模式：不保存任何内容，闲置 3 分钟后回到开始页面。",
    library_heading: "文件库",
    library_intro: "轻触一份文件即可打开并核对。也可以用下面的按钮打开 U 盘里的 PDF 或 .txt 文件。",
    library_loading: "正在载入文件库……",
    library_empty: "文件库是空的：管理员尚未放入任何文件。可以用下面的按钮打开 U 盘里的文件。",
    library_missing: "没有找到文件库（这个版本未附带，或无法载入）。可以用下面的按钮打开 U 盘里的文件。",
    library_damaged: "文件库的目录已损坏，无法读取。请管理员重新构建。可以用下面的按钮打开 U 盘里的文件。",
    idle_touch: "触摸屏幕或按任意键即可继续阅读。",

    input_label: "公开文本",
    input_placeholder: "把部门预算或决算 PDF 中的文字全部复制，粘贴到这里……",
    load_example: "示例",
    example_desc: "2024 年库尔勒市朝阳街道办事处部门预算",
    open_file: "打开 PDF 或 .txt 文件",
    drop_hint: "也可以把 PDF 或 .txt 文件拖到这里（文本为 UTF-8 或 GBK/GB18030 编码）。",
    drop_now: "松开鼠标即可载入文件",
    clear: "清空",
    unfold: "展开文本",
    start_intro: "预算透视读取从部门预算公开 PDF 中复制出来的文字，核对表内合计、表间应相等的数和说明中的百分比，把真正的错误与四舍五入造成的尾差区分开，并显示各项支出的占比。",
    start_steps: [
        "在 PDF 阅读器中全选并复制预算公开文件的文字；",
        "粘贴到上面的文本框；也可以直接打开 PDF 文件，或打开保存好的 .txt 文件；",
        "查看概览、核对结果、占比、表格和上年对比。",
    ],
    empty_text: "还没有文本。粘贴公开文本、打开 PDF 或 .txt 文件，或点“示例”。",
    dismiss: "知道了",

    analysing: "正在分析……",

    summary_heading: "概览",
    department: "编制部门",
    year: "年度",
    kind: "类型",
    unit: "金额单位",
    income_total: "收入总计",
    expense_total: "支出总计",
    basic: "基本支出",
    project: "项目支出",
    personnel: "人员经费",
    public: "公用经费",
    three_public: "“三公”经费",
    running_cost: "机关运行经费",
    procurement: "政府采购",
    carryover: "上年结转结余",
    general_budget: "一般公共预算支出",
    establishment: "编制数",
    staff_actual: "实有人数",
    staff_in_service: "在职人员",
    people: "人",
    not_given: "未列出",
    quality: "核对情况",
    verdict_errors: "发现错误",
    verdict_warnings: "有需注意之处",
    verdict_clean: "未发现错误",
    verdict_none: "未能核对",
    covers: "范围",
    checklist: "公开内容完整性清单",
    present: "有",
    missing: "缺",
    optional: "（非必需）",

    nav_label: "分析视图",
    nav_findings: "核对结果",
    nav_shares: "占比",
    nav_tables: "表格",
    nav_previous: "上年对比",

    findings_heading: "核对结果",
    filter_severity: "严重程度",
    filter_table: "表格",
    all_tables: "全部表格",
    no_table: "不涉及表格",
    expected: "应为",
    actual: "印出",
    rule: "规则",
    lines: "行",
    show_source: "查看原文",
    no_findings: "没有发现问题。",
    none_match: "没有符合筛选条件的结果。",
    parser_note: "解析说明",
    not_checked: "未能检查的规则",
    unreliable_table: "没有读可靠的表格：未据此下结论",
    unknown_rule: "规则",

    source_heading: "原文",
    source_close: "关闭原文",
    source_hint: "点一条核对结果，这里会显示它引用的原文行。",
    pdf_page_drawing: "正在绘制 PDF 页面……",
    earlier: "显示前面的行",
    later: "显示后面的行",

    shares_heading: "占比",
    functional: "按功能分类（类 → 款 → 项）",
    economic: "基本支出按经济分类（类 → 款）",
    basic_project: "基本支出与项目支出",
    personnel_public: "人员经费与公用经费",
    three_public_parts: "“三公”经费构成",
    projects: "项目支出明细",
    col_code: "编码",
    col_name: "名称",
    col_percent: "占比",
    col_detail: "资金用途",
    drill_in: "展开",
    drill_all: "全部",
    no_shares: "没有读出可以计算占比的表格。",
    chart: "条形图",

    tables_heading: "表格",
    col_subject: "科目名称",
    col_project: "项目名称",
    side_income: "收入",
    side_expense: "支出",
    no_tables: "没有读出表格。",
    empty_table: "这张表没有数据行。",
    recomputed_legend: "“≠”后是按其余数字重新计算的值（来自核对结果）。",

    previous_heading: "上年对比",
    previous_note: "上年数由说明中的“比上年增加/减少”推算：上年数 = 本年数 − 增减额。",
    col_item: "项目",
    col_section: "章节",
    col_current: "本年",
    col_change: "增减",
    col_prior: "推算的上年数",
    col_growth: "所述增减率",
    no_previous: "说明中没有带金额的“比上年增加/减少”。",

    pages_label: "页面",
    page_analyzer: "单份分析",
    page_workspace: "工作区",
    page_compare: "部门比较",
    page_time: "历年变化",
    pasted_text: "粘贴的文本",
    ws_add_current: "加入工作区",
    ws_add_current_desc: "把当前文本作为一份文件加入工作区，用于部门比较",
    ws_heading: "工作区",
    ws_add_files: "添加 PDF 或 .txt 文件（可多选）",
    ws_import: "导入工作区文件",
    ws_export: "导出工作区（JSON）",
    ws_saved_here: "工作区保存在本浏览器中（IndexedDB），不会上传；刷新页面后仍在，可存上千份文件。也可以把文件拖到页面上。",
    ws_saved_local: "工作区保存在本浏览器的 localStorage 中（IndexedDB 不可用），不会上传；空间约 5 MB，约可存 140 份示例大小的文件。",
    ws_kiosk: "展示模式：工作区只在本页内存中，不保存，闲置后清空。",
    ws_not_saving: "本次不会保存工作区：保存的旧内容已损坏且无法备份，为免覆盖，保持原样。",
    ws_empty: "工作区还没有文件。添加几份部门预算或决算的 .txt 文件，或在“单份分析”中把当前文本加入工作区。",
    ws_name: "名称",
    ws_unsaved: "未保存",
    ws_duplicate: "同一部门同一年度",
    ws_open: "打开",
    ws_remove: "移除",
    compare_heading: "部门比较",
    compare_empty: "工作区还没有文件：先在“工作区”中添加要比较的文件。",
    later_loading: "正在载入……",
    later_failed: "这一部分未能载入（网络中断，或文件已损坏）。核对文本不受影响；请刷新页面重试，工具刚更新时也请刷新。",
    compare_legend: "每行标出最高（▲）和最低（▼）的值。点指标名称按该行排序各列（再点一次升序，第三次恢复）。金额单位为万元，以元印制的文件已换算。",
    metric: "指标",
    highest: "最高",
    lowest: "最低",
    printed_in_yuan: "原以元印制",
    part_badge: "部分",
    not_in_part: "粘贴的这部分没有给出此数的表",
    show_derivations: "计算方法",
    export_csv: "下载 CSV",
    export_json: "下载解析结果（JSON）",
    print_report: "打印报告",
    chart_functions: "功能分类（类）占支出的比例",
    chart_per_staff: "人均数（万元/人）",
    download_png: "保存为图片（PNG）",
    png_empty: "这张图没有可画的数字，不能保存为图片。",
    time_heading: "历年变化",
    time_legend: "同一部门的各份文件按年度排列；文件所述的上年数另成一列（标明“文件所述”）。每个金额下是与左边一列相比的增减。金额单位为万元。",
    time_empty: "没有读出部门名称的文件，无法按部门分组。",
    time_single: "只有一个年度：添加该部门其他年度的文件即可看到变化。",
    ws_people: "人数或人口（自行填写）",
    ws_people_basis: "填写的是",
    people_staff: "人员数",
    people_residents: "常住人口",
    ws_people_hint: "用于“部门比较”中按人计算的排名；不是从文件中读出的数。",
    entered: "（填写）",
    rank_heading: "排名",
    rank_mode: "计算",
    rank_as_stated: "按文件所列的数",
    rank_per_staff: "除以填写的人员数（万元/人）",
    rank_per_resident: "除以填写的常住人口（元/人）",
    rank_not_stated: "没有此项",
    rank_not_stated_desc: "这些文件没有给出此项，不参加排名（不按 0 计）：",
    rank_no_count: "没有填写人数",
    rank_no_count_desc: "在“工作区”中为这些文件填写人数或人口后即可计入：",
    rank_one: "工作区只有一份文件，排名只有它自己。再添加文件才能比较。",
    rank_not_amount: "只有金额（万元）才能按人计算；比例和个数不能。请选择一项金额。",
};

static EN: Strings = Strings {
    app_title: "Budget Lens",
    tagline: "Check Chinese government budget disclosures in your browser. Your text never leaves this device, and it works offline.",
    lang_toggle: "中文",
    lang_toggle_label: "切换到中文界面",
    footer: "Everything is analysed by the browser on this device; your text is never uploaded.",
    kiosk_banner: "Kiosk mode: nothing is kept, and the page returns to the start after 3 idle minutes.",
    library_heading: "Library",
    library_intro: "Touch a document to open and check it. The button below opens a PDF or .txt file from a USB stick.",
    library_loading: "Loading the library…",
    library_empty: "The library is empty: the operator has not put any document in it. The button below opens a file from a USB stick.",
    library_missing: "No library was found (this build has none, or it could not be loaded). The button below opens a file from a USB stick.",
    library_damaged: "The library's index is damaged and cannot be read; the operator should rebuild it. The button below opens a file from a USB stick.",
    idle_touch: "Touch the screen or press any key to keep reading.",

    input_label: "Disclosure text",
    input_placeholder: "Copy all the text of a department budget or final-accounts PDF and paste it here…",
    load_example: "Example",
    example_desc: "the 2024 budget of Chaoyang Subdistrict Office, Korla (库尔勒市朝阳街道办事处)",
    open_file: "Open a PDF or .txt file",
    drop_hint: "Or drop a PDF or .txt file here (text in UTF-8 or GBK/GB18030).",
    drop_now: "Release to load the file",
    clear: "Clear",
    unfold: "Show the text",
    start_intro: "Budget Lens reads the text copied out of a Chinese department budget disclosure (部门预算公开), checks that totals add up, that figures which must agree across tables do and that the narrative's percentages match, tells real errors apart from rounding differences (尾差), and shows what share each item takes.",
    start_steps: [
        "select and copy all the text of the disclosure PDF in your PDF reader;",
        "paste it into the box above; or open the PDF itself, or a saved .txt file;",
        "read the summary, the findings, the shares, the tables and the previous year.",
    ],
    empty_text: "No text yet. Paste a disclosure, open a PDF or .txt file, or press “Example”.",
    dismiss: "Dismiss",

    analysing: "Analysing…",

    summary_heading: "Summary",
    department: "Department",
    year: "Year",
    kind: "Kind",
    unit: "Unit",
    income_total: "Total income (收入总计)",
    expense_total: "Total spending (支出总计)",
    basic: "Basic spending (基本支出)",
    project: "Project spending (项目支出)",
    personnel: "Personnel costs (人员经费)",
    public: "Public costs (公用经费)",
    three_public: "“Three public” spending (三公经费)",
    running_cost: "Office running costs (机关运行经费)",
    procurement: "Government procurement (政府采购)",
    carryover: "Carried over (上年结转结余)",
    general_budget: "General-budget spending (一般公共预算)",
    establishment: "Authorised posts (编制数)",
    staff_actual: "Staff (实有人数)",
    staff_in_service: "In service (在职)",
    people: "",
    not_given: "not given",
    quality: "Checks",
    verdict_errors: "Errors found",
    verdict_warnings: "Needs attention",
    verdict_clean: "No errors found",
    verdict_none: "Could not be checked",
    covers: "Covers",
    checklist: "Completeness checklist",
    present: "present",
    missing: "missing",
    optional: " (optional)",

    nav_label: "Views",
    nav_findings: "Findings",
    nav_shares: "Shares",
    nav_tables: "Tables",
    nav_previous: "Previous year",

    findings_heading: "Findings",
    filter_severity: "Severity",
    filter_table: "Table",
    all_tables: "All tables",
    no_table: "No table",
    expected: "Expected",
    actual: "Printed",
    rule: "Rule",
    lines: "Lines",
    show_source: "Show source",
    no_findings: "Nothing was found.",
    none_match: "No findings match the filters.",
    parser_note: "Parser note",
    not_checked: "Rules not checked",
    unreliable_table: "A table not read reliably: nothing concluded from it",
    unknown_rule: "Rule",

    source_heading: "Source text",
    source_close: "Close the source",
    source_hint: "Select a finding to see the lines it cites.",
    pdf_page_drawing: "Drawing the PDF's page…",
    earlier: "Show earlier lines",
    later: "Show later lines",

    shares_heading: "Shares",
    functional: "By function (类 → 款 → 项)",
    economic: "Basic spending by economic class (类 → 款)",
    basic_project: "Basic vs project spending",
    personnel_public: "Personnel vs public costs",
    three_public_parts: "The parts of “three public” spending (三公)",
    projects: "Projects",
    col_code: "Code",
    col_name: "Name",
    col_percent: "Share",
    col_detail: "What it is for",
    drill_in: "Open",
    drill_all: "All",
    no_shares: "No table was read that shares can be computed from.",
    chart: "Bar chart",

    tables_heading: "Tables",
    col_subject: "Subject (科目名称)",
    col_project: "Project (项目名称)",
    side_income: "Income",
    side_expense: "Spending",
    no_tables: "No tables were read.",
    empty_table: "This table has no data rows.",
    recomputed_legend: "After “≠”: the value the other figures give (from the findings).",

    previous_heading: "Previous year",
    previous_note: "Last year's amounts are reconstructed from the narrative's 比上年 (“than last year”) claims: previous = this year − change.",
    col_item: "Item",
    col_section: "Section",
    col_current: "This year",
    col_change: "Change",
    col_prior: "Previous year (reconstructed)",
    col_growth: "Stated growth",
    no_previous: "The narrative states no 比上年 change with an amount.",

    pages_label: "Pages",
    page_analyzer: "Analyse one",
    page_workspace: "Workspace",
    page_compare: "Compare",
    page_time: "Over the years",
    pasted_text: "Pasted text",
    ws_add_current: "Add to workspace",
    ws_add_current_desc: "Keep the current text as a document in the workspace, to compare it",
    ws_heading: "Workspace",
    ws_add_files: "Add PDF or .txt files (several at once)",
    ws_import: "Import a workspace file",
    ws_export: "Export the workspace (JSON)",
    ws_saved_here: "The workspace is kept in this browser (IndexedDB), never uploaded, and is still here after a reload; it holds thousands of documents. You can also drop files on the page.",
    ws_saved_local: "The workspace is kept in this browser's localStorage (IndexedDB is unavailable), never uploaded; it holds about 5 MB, some 140 documents of the sample's size.",
    ws_kiosk: "Kiosk mode: the workspace lives in this page's memory only; nothing is saved, and it is cleared when idle.",
    ws_not_saving: "The workspace is not saved this session: the saved value is damaged and could not be backed up, so it is left untouched.",
    ws_empty: "The workspace is empty. Add a few budget or final-accounts .txt files, or add the current text from “Analyse one”.",
    ws_name: "Name",
    ws_unsaved: "not saved",
    ws_duplicate: "same department and year",
    ws_open: "Open",
    ws_remove: "Remove",
    compare_heading: "Compare departments",
    compare_empty: "The workspace is empty: add the documents to compare under “Workspace” first.",
    later_loading: "Loading…",
    later_failed: "This part could not be loaded (the network failed, or the file is damaged). Checking a text still works; reload the page to try again, also when the tool was just updated.",
    compare_legend: "Each row marks its highest (▲) and lowest (▼) value. Click a metric's name to sort the columns by it (again for ascending, a third time to restore). Amounts are in 万元; documents printed in yuan were converted.",
    metric: "Metric",
    highest: "highest",
    lowest: "lowest",
    printed_in_yuan: "printed in yuan",
    part_badge: "part",
    not_in_part: "the part given holds no table with this figure",
    show_derivations: "Derivations",
    export_csv: "Download CSV",
    export_json: "Download the parse (JSON)",
    print_report: "Print report",
    chart_functions: "Shares by function (类)",
    chart_per_staff: "Per person (10k yuan per person)",
    download_png: "Save as image (PNG)",
    png_empty: "This chart has no figures to draw, so there is no image to save.",
    time_heading: "Over the years",
    time_legend: "Each department's documents in year order, with the previous year a document states as a column of its own (marked \"as stated\"). Under each amount, the change from the column to its left. Amounts in 万元 (10,000 yuan).",
    time_empty: "No document with a department name to group by.",
    time_single: "One year only: add the department's documents of other years to see the change.",
    ws_people: "People (entered by you)",
    ws_people_basis: "Counting",
    people_staff: "staff",
    people_residents: "residents",
    ws_people_hint: "For rankings per person in “Compare”; not read from the document.",
    entered: " (entered)",
    rank_heading: "Ranking",
    rank_mode: "Figures",
    rank_as_stated: "as the documents state them",
    rank_per_staff: "per member of staff entered (10k yuan per person)",
    rank_per_resident: "per resident entered (yuan per person)",
    rank_not_stated: "not stated",
    rank_not_stated_desc: "These documents do not give this figure; they are not ranked (not counted as 0):",
    rank_no_count: "no count entered",
    rank_no_count_desc: "Enter a count of people for these documents under “Workspace” to rank them:",
    rank_one: "The workspace holds one document: a ranking of one. Add documents to compare.",
    rank_not_amount: "Only amounts (万元) can be divided per person, not shares or counts: choose an amount.",
};

impl Lang {
    /// This language's fixed strings.
    pub fn s(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The BCP 47 tag for `lang="…"`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// One of two texts the core gives in both languages.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// A severity's name, for labels and badges (never shown by colour alone).
    pub fn severity(self, s: Severity) -> &'static str {
        match (self, s) {
            (Lang::Zh, Severity::Error) => "错误",
            (Lang::Zh, Severity::Warning) => "警告",
            (Lang::Zh, Severity::Rounding) => "尾差",
            (Lang::Zh, Severity::Info) => "提示",
            (Lang::En, Severity::Error) => "Error",
            (Lang::En, Severity::Warning) => "Warning",
            (Lang::En, Severity::Rounding) => "Rounding",
            (Lang::En, Severity::Info) => "Note",
        }
    }

    /// What a severity means, for tooltips.
    pub fn severity_help(self, s: Severity) -> &'static str {
        match (self, s) {
            (Lang::Zh, Severity::Error) => "不可能正确的数字，或缺少必需的内容",
            (Lang::Zh, Severity::Warning) => "值得注意的不一致",
            (Lang::Zh, Severity::Rounding) => "可由印出数字的四舍五入解释的差额",
            (Lang::Zh, Severity::Info) => "说明：惯例、推断，或无法检查的规则",
            (Lang::En, Severity::Error) => {
                "a number that cannot be right, or something required that is missing"
            }
            (Lang::En, Severity::Warning) => "an inconsistency worth attention",
            (Lang::En, Severity::Rounding) => {
                "a difference that rounding of the printed numbers explains"
            }
            (Lang::En, Severity::Info) => {
                "a note: a convention, a heuristic, or a rule that could not run"
            }
        }
    }

    /// A currency unit's name.
    pub fn unit(self, u: Unit) -> &'static str {
        match (self, u) {
            (Lang::Zh, u) => u.label(),
            (Lang::En, Unit::Wan) => "10,000 yuan (万元)",
            (Lang::En, Unit::Yuan) => "yuan (元)",
        }
    }

    /// A currency unit's short name, after an amount: the document's own (万元, 元), since
    /// "Unit" in the summary explains it.
    pub fn unit_short(self, u: Unit) -> &'static str {
        match (self, u) {
            (Lang::Zh, u) => u.label(),
            (Lang::En, Unit::Wan) => "万元",
            (Lang::En, Unit::Yuan) => "元",
        }
    }

    /// Budget or final accounts.
    pub fn doc_kind(self, k: DocKind) -> &'static str {
        match (self, k) {
            (Lang::Zh, DocKind::Budget) => "部门预算",
            (Lang::Zh, DocKind::Final) => "部门决算",
            (Lang::En, DocKind::Budget) => "department budget (部门预算)",
            (Lang::En, DocKind::Final) => "final accounts (部门决算)",
        }
    }

    /// A column heading: the template's Chinese title, and in English a translation before it.
    pub fn column(self, c: Col) -> String {
        let zh = c.title();
        if self == Lang::Zh {
            return zh.into_owned();
        }
        let en = match c {
            Col::Amount => "Amount",
            Col::Total => "Total",
            Col::FiscalSubtotal => "Appropriations",
            Col::GeneralBudget => "General budget",
            Col::GeneralTransfer => "General-budget transfers",
            Col::GovFund => "Government funds",
            Col::GovFundTransfer => "Government-fund transfers",
            Col::StateCapital => "State capital",
            Col::StateCapitalTransfer => "State-capital transfers",
            Col::SpecialAccount => "Special account",
            Col::UnitFunds => "Own funds",
            Col::FiscalCarryover => "Appropriation carry-over",
            Col::NonFiscalCarryover => "Other carry-over",
            Col::FiscalIncome => "Appropriation income",
            Col::BusinessIncome => "Service income",
            Col::OperatingIncome => "Business income",
            Col::OtherIncome => "Other income",
            Col::Basic => "Basic",
            Col::Project => "Projects",
            Col::Personnel => "Personnel",
            Col::Public => "Public",
            _ => return zh.into_owned(),
        };
        format!("{en} ({zh})")
    }

    /// The accessible name of a bar chart.
    pub fn chart_label(self, title: &str) -> String {
        self.fill("{}：{}", "{}: {}", &[self.s().chart, title])
    }

    /// "表2" / "Table 2".
    pub fn table_n(self, n: u8) -> String {
        self.fill("表{}", "Table {}", &[&n.to_string()])
    }

    /// "第 12 行" / "line 12".
    pub fn line_n(self, n: u32) -> String {
        self.fill("第 {} 行", "line {}", &[&n.to_string()])
    }

    /// A column of the time view: "2023 预算（2024 年文件所述）" for a previous year as a
    /// document states it, "2024 预算 (2)" for a second document of one year, "年度不详" when the
    /// year is unknown; never a file name.
    pub fn time_column(
        self,
        year: Option<u16>,
        kind: disclosure::DocKind,
        stated_in: Option<u16>,
        nth: usize,
    ) -> String {
        let Some(year) = year else {
            return self.fill("年度不详 ({})", "Year unknown ({})", &[&nth.to_string()]);
        };
        let head = format!("{year} {}", self.doc_kind_short(kind));
        match (stated_in, nth) {
            (Some(by), _) => self.fill(
                "{}（{} 年文件所述）",
                "{} (as stated in {})",
                &[&head, &by.to_string()],
            ),
            (None, 1) => head,
            (None, n) => format!("{head} ({n})"),
        }
    }

    /// The tooltip of a change in the time view.
    pub fn time_change(self, stated: bool) -> &'static str {
        match (self, stated) {
            (Lang::Zh, true) => "文件所述的比上年增减额和增长率",
            (Lang::Zh, false) => "与左边一列相比的增减额和增减百分比",
            (Lang::En, true) => "the change from last year and the growth the document states",
            (Lang::En, false) => "the change from the column to the left, in amount and percent",
        }
    }

    /// "完整性 15/16" / "Completeness 15/16".
    pub fn completeness(self, complete: usize, required: usize) -> String {
        self.fill(
            "完整性 {}/{}",
            "Completeness {}/{}",
            &[&complete.to_string(), &required.to_string()],
        )
    }

    /// What stands in for the text box when the text is too large to show in it.
    pub fn large_text(self, bytes: usize) -> String {
        self.fill(
            "文本有 {}，太大，不放进文本框（浏览器排版它要好几秒）。分析照常，全文见“原文”视图。在此粘贴可替换它。",
            "The text is {}: too large for the text box (the browser would take seconds to lay it out). It is analysed as usual; every line is in the source view. Paste here to replace it.",
            &[&megabytes(bytes as u64)],
        )
    }

    /// The folded text box's line: how long the text is.
    pub fn folded_text(self, lines: usize, chars: usize) -> String {
        self.fill(
            "文本共 {} 行、{} 字，已收起，结果见下方。",
            "The text, {} lines and {} characters, is folded away; the results are below.",
            &[&grouped(lines), &grouped(chars)],
        )
    }

    /// A library document's size, as its entry shows it.
    pub fn library_size(self, bytes: u64) -> String {
        match bytes {
            0..1024 => format!("{bytes} B"),
            1024..1_048_576 => format!("{} kB", bytes.div_ceil(1024)),
            _ => megabytes(bytes),
        }
    }

    /// Why a library document cannot be opened (`message`: the reader's or the core's words).
    pub fn library_problem(
        self,
        problem: crate::library::Problem,
        message: Option<&str>,
    ) -> String {
        use crate::library::Problem::*;
        let (zh, en) = match problem {
            Empty => ("文件是空的，没有可分析的文字。", "The file is empty: there is no text to analyse."),
            Binary => (
                "这不是文本文件（内容是二进制数据），无法分析。",
                "This is not a text file (its content is binary data) and cannot be analysed.",
            ),
            Unsupported => (
                "只能放 .txt 或 .pdf 文件。",
                "Only .txt and .pdf files can be in the library.",
            ),
            Unreadable => ("无法读取这份 PDF：{}", "This PDF cannot be read: {}"),
            NotADisclosure => (
                "读了全文，没有找到部门预算或决算的标题和表格：这不像公开文件。",
                "Read in full, no budget or final-accounts title or table was found: this does not look like a disclosure.",
            ),
        };
        self.fill(zh, en, &[message.unwrap_or("")])
    }

    /// The kiosk's warning before it returns to the start.
    pub fn idle_warning(self, seconds: u32) -> String {
        self.fill(
            "{} 秒后回到开始页面。",
            "Returning to the start in {} s.",
            &[&seconds.to_string()],
        )
    }

    /// The status line after an analysis (`background`: parsed in the web worker).
    pub fn analysed(self, ms: u32, background: bool) -> String {
        if background {
            return self.fill(
                "已在本机分析完毕（{} 毫秒，在后台线程中）",
                "Analysed on this device in {} ms (in a background thread)",
                &[&ms.to_string()],
            );
        }
        self.fill(
            "已在本机分析完毕（{} 毫秒）",
            "Analysed on this device in {} ms",
            &[&ms.to_string()],
        )
    }

    /// The status line while an analysis is pending; a large text's size is given
    /// (`background`: it is parsed in the web worker, and the page can be used meanwhile).
    pub fn analysing(self, bytes: usize, background: bool) -> String {
        if bytes < crate::analyzer::LARGE {
            return self.s().analysing.to_owned();
        }
        if background {
            return self.fill(
                "正在后台分析 {} 的文本，页面仍可使用……",
                "Analysing {} of text in the background; the page can still be used…",
                &[&megabytes(bytes as u64)],
            );
        }
        self.fill(
            "正在分析 {} 的文本，请稍候……",
            "Analysing {} of text, please wait…",
            &[&megabytes(bytes as u64)],
        )
    }

    /// The line under a share set's heading: what the percentages are of.
    pub fn denominator(self, zh: &str, en: &str, total: &str, unit: Unit) -> String {
        self.fill(
            "占比的分母：{}，{} {}",
            "Percentages of {}: {} {}",
            &[self.pick(zh, en), total, self.unit_short(unit)],
        )
    }

    /// The amount column heading of a share or previous-year table.
    pub fn amount_in(self, unit: Unit) -> String {
        self.fill("金额（{}）", "Amount ({})", &[self.unit(unit)])
    }

    /// "单位：万元；编制部门：…；第 55–120 行".
    pub fn table_meta(self, unit: Unit, dept: Option<&str>, from: u32, to: u32) -> String {
        let dept = dept.map_or_else(String::new, |d| {
            self.fill("编制部门：{}；", "department: {}; ", &[d])
        });
        self.fill(
            "单位：{}；{}第 {}–{} 行",
            "Unit: {}; {}lines {}–{}",
            &[self.unit(unit), &dept, &from.to_string(), &to.to_string()],
        )
    }

    /// The tooltip of a recomputed value in a table cell.
    pub fn recomputed(self, expected: &str, rule: &str) -> String {
        self.fill(
            "按其余数字计算应为 {}（规则 {}）",
            "The other figures give {} (rule {})",
            &[expected, rule],
        )
    }

    /// "显示第 1–400 行，共 1,800 行".
    pub fn source_window(self, from: u32, to: u32, total: u32) -> String {
        self.fill(
            "显示第 {}–{} 行，共 {} 行",
            "Lines {}–{} of {}",
            &[&from.to_string(), &to.to_string(), &total.to_string()],
        )
    }

    /// The accessible name of a finding's "show source" button.
    pub fn show_source_of(self, rule: &str, first: Option<u32>) -> String {
        match first {
            Some(l) => self.fill(
                "查看规则 {} 引用的原文（从第 {} 行起）",
                "Show the source lines of rule {} (from line {})",
                &[rule, &l.to_string()],
            ),
            None => self.fill(
                "查看规则 {} 的结果",
                "Select the finding of rule {}",
                &[rule],
            ),
        }
    }

    /// The start screen's pointer to the example.
    pub fn example_line(self) -> String {
        self.fill(
            "点“示例”载入{}。",
            "Press “Example” to load {}.",
            &[self.s().example_desc],
        )
    }

    /// The message after a file was loaded.
    pub fn file_loaded(
        self,
        name: &str,
        encoding: &str,
        pages: usize,
        notes: &[(String, String)],
    ) -> String {
        if encoding != "PDF" {
            return self.fill(
                "已载入文件“{}”（{} 编码）。",
                "Loaded “{}” ({}).",
                &[name, encoding],
            );
        }
        let mut out = self.fill(
            "已读取 PDF 文件“{}”的文字（{} 页）。",
            "Read the text of the PDF “{}” ({} pages).",
            &[name, &pages.to_string()],
        );
        for (zh, en) in notes {
            out.push(' ');
            out.push_str(self.pick(zh, en));
        }
        out
    }

    /// While a PDF is read.
    pub fn reading_pdf(self, name: &str) -> String {
        self.fill(
            "正在读取 PDF 文件“{}”的文字……",
            "Reading the text of the PDF “{}”…",
            &[name],
        )
    }

    /// The heading of a PDF's page in the source view.
    pub fn pdf_page(self, page: usize) -> String {
        self.fill("第 {} 页", "Page {}", &[&page.to_string()])
    }

    /// "预算" / "budget", after a year.
    pub fn doc_kind_short(self, k: DocKind) -> &'static str {
        match self {
            Lang::Zh => k.label(),
            Lang::En => k.slug(),
        }
    }

    /// This language's template of two, filled (see [`fill`]).
    fn fill(self, zh: &str, en: &str, args: &[&str]) -> String {
        fill(self.pick(zh, en), args)
    }

    /// Why an entered count of people was refused.
    pub fn count_refused(
        self,
        text: &str,
        why: disclosure::analyze::ranking::CountError,
    ) -> String {
        use disclosure::analyze::ranking::CountError as E;
        let (zh, en) = match why {
            E::Zero => ("人数不能为 0", "a count of people cannot be 0"),
            E::Negative => ("人数不能是负数", "a count of people cannot be negative"),
            E::NotWhole => ("人数须是整数", "a count of people is a whole number"),
            E::NotANumber => ("请填写数字，例如 189", "enter a number, such as 189"),
            E::TooLarge => ("数目过大", "the number is too large"),
        };
        self.fill(
            "未采用“{}”：{}。原来的数不变。",
            "“{}” was not used: {}. The count is unchanged.",
            &[text.trim(), self.pick(zh, en)],
        )
    }

    /// Under the compare charts when the workspace has more documents than a chart shows.
    /// A chart image's first caption line: whose document, of which year.
    pub fn png_document(self, department: &str, year: &str, kind: DocKind) -> String {
        self.fill(
            "编制部门：{}　年度：{}　{}",
            "Department: {} · year {} · {}",
            &[department, year, self.doc_kind(kind)],
        )
    }

    /// "来源：表3，第 120–160 行" / "Source: table 3, lines 120–160".
    pub fn png_source(self, table: &str, lines: &str) -> String {
        self.fill(
            "来源：{}，第 {} 行",
            "Source: {}, lines {}",
            &[table, lines],
        )
    }

    /// A compare chart image's line for one document: its heading and the lines cited.
    pub fn png_column(self, head: &str, lines: &str) -> String {
        self.fill("{}：第 {} 行", "{}: lines {}", &[head, lines])
    }

    pub fn chart_first(self, shown: usize, total: usize) -> String {
        self.fill(
            "图表只画出前 {} 份文件（共 {} 份）。",
            "The charts show the first {} of {} documents.",
            &[&shown.to_string(), &total.to_string()],
        )
    }

    /// The compare table draws the first `drawn` of `total` columns.
    pub fn columns_drawn(self, drawn: usize, total: usize) -> String {
        self.fill(
            "表格先列出前 {} 份文件（共 {} 份；按某行排序时为排在前面的）。排名列出全部。",
            "The table shows the first {} of {} documents (when sorted by a row, the first in that order). The ranking lists them all.",
            &[&drawn.to_string(), &total.to_string()],
        )
    }

    /// Draw `n` more columns.
    pub fn columns_more(self, n: usize) -> String {
        self.fill("再列出 {} 份", "Show {} more", &[&n.to_string()])
    }

    /// Draw all `total` columns.
    pub fn columns_all(self, total: usize) -> String {
        self.fill(
            "全部列出（{} 份，较慢）",
            "Show all {} (slower)",
            &[&total.to_string()],
        )
    }

    /// Which row the columns are sorted by.
    pub fn sorted_by(self, label: &str, ascending: bool) -> String {
        let (zh, en) = if ascending {
            (
                "各列按“{}”从低到高排列。",
                "Columns sorted by “{}”, lowest first.",
            )
        } else {
            (
                "各列按“{}”从高到低排列。",
                "Columns sorted by “{}”, highest first.",
            )
        };
        self.fill(zh, en, &[label])
    }

    /// The accessible name of a row's sort button.
    pub fn sort_label(self, label: &str) -> String {
        self.fill("按“{}”排序各列", "Sort the columns by “{}”", &[label])
    }

    /// The accessible name of a 类 row's open/close button.
    pub fn expand_label(self, label: &str, open: bool) -> String {
        let (zh, en) = if open {
            ("收起“{}”的款", "Hide the 款 of “{}”")
        } else {
            ("展开“{}”的款", "Show the 款 of “{}”")
        };
        self.fill(zh, en, &[label])
    }

    /// The warning when parts are shown with their own whole: each whole with its parts (the
    /// first three named).
    pub fn nested_warning(self, groups: &[(String, Vec<String>)]) -> String {
        let items: Vec<String> = groups
            .iter()
            .map(|(whole, parts)| {
                let named = parts.iter().take(3).cloned().collect::<Vec<_>>();
                let more = if parts.len() > 3 {
                    self.pick("等", "; …")
                } else {
                    ""
                };
                self.fill(
                    "“{}”与它的 {} 个款（{}{}）",
                    "“{}” with {} of its 款 ({}{})",
                    &[
                        whole,
                        &parts.len().to_string(),
                        &named.join(self.pick("、", "; ")),
                        more,
                    ],
                )
            })
            .collect();
        self.fill(
            "注意：{}同时显示。款已包含在所属的类中，不能相加。",
            "Note: {} are shown together. A 款 is part of its 类: do not add them up.",
            &[&items.join(self.pick("；", "; "))],
        )
    }

    /// The accessible name of a document's open button.
    pub fn open_doc(self, name: &str) -> String {
        self.fill("在单份分析中打开“{}”", "Open “{}” in the analyzer", &[name])
    }

    /// The accessible name of a document's remove button.
    pub fn remove_doc(self, name: &str) -> String {
        self.fill(
            "从工作区移除“{}”",
            "Remove “{}” from the workspace",
            &[name],
        )
    }

    /// The accessible name of a table's CSV button.
    pub fn table_csv_label(self, n: u8) -> String {
        self.fill(
            "下载表{}（CSV）",
            "Download table {} as CSV",
            &[&n.to_string()],
        )
    }

    /// While the workspace's documents are analysed.
    pub fn ws_progress(self, done: usize, total: usize) -> String {
        self.fill(
            "正在分析工作区的文件：{}/{}……",
            "Analysing the workspace's documents: {} of {}…",
            &[&done.to_string(), &total.to_string()],
        )
    }

    /// A message about the workspace.
    pub fn ws_message(self, m: &crate::workspace::WsMessage) -> String {
        use crate::workspace::{ImportProblem, ReadError as R, WsMessage as M};
        let n = |v: &usize| v.to_string();
        match m {
            M::Added(k) => self.fill("已加入 {} 份文件。", "Added {} document(s).", &[&n(k)]),
            M::Rejected { name, why } => self.file_rejected(name, why),
            M::Restored { count, migrated_from } => {
                let mut out = self.fill(
                    "已恢复上次保存的工作区（{} 份文件）。",
                    "Restored the saved workspace ({} documents).",
                    &[&n(count)],
                );
                if let Some(v) = migrated_from {
                    out.push_str(&self.fill(
                        "已从第 {} 版格式升级。",
                        " Upgraded from format version {}.",
                        &[&v.to_string()],
                    ));
                }
                out
            }
            M::Damaged { count, skipped, backup } => {
                let mut out = if *count == 0 {
                    self.pick("保存的工作区已损坏，无法读取。", "The saved workspace is damaged and could not be read.").to_owned()
                } else {
                    self.fill(
                        "保存的工作区部分损坏：恢复了 {} 份文件，{} 项无法读取。",
                        "The saved workspace is partly damaged: {} documents were recovered, {} entries could not be read.",
                        &[&n(count), &n(skipped)],
                    )
                };
                out.push_str(&match backup {
                    Some(k) => self.fill(
                        "原始内容已备份在本浏览器的 localStorage “{}”中。",
                        " The original value was kept in this browser's localStorage as “{}”.",
                        &[k],
                    ),
                    None => self.pick(
                        "原始内容无法备份（存储空间已满），因此保持原样，本次不保存工作区。",
                        " The original value could not be backed up (storage is full), so it is left as it was and the workspace is not saved this session.",
                    ).to_owned(),
                });
                out
            }
            M::Moved(k) => self.fill(
                "原先保存在 localStorage 中的 {} 份文件已移入 IndexedDB（写入成功后才从 localStorage 删除）。",
                "The {} documents kept in localStorage before are moved into IndexedDB (removed from localStorage only once written).",
                &[&n(k)],
            ),
            M::DamagedRecords(names) => {
                let list: Vec<String> = names.iter().map(|x| format!("“{x}”")).collect();
                self.fill(
                    "保存的工作区中有 {} 份文件的记录已损坏，无法读取：{}。它们保持原样留在存储中；其余文件已打开。",
                    "{} saved documents' records are damaged and could not be read: {}. They are left in storage as they are; the others are open.",
                    &[&n(&names.len()), &list.join(self.pick("、", ", "))],
                )
            }
            M::NoIndexedDb(why) => self.fill(
                "本浏览器不能使用 IndexedDB（{}，例如隐私模式）：工作区改存于 localStorage，空间约 5 MB，约可存 140 份示例大小的文件。",
                "This browser cannot use IndexedDB ({}; private mode, for example): the workspace is kept in localStorage instead, about 5 MB, some 140 documents of the sample's size.",
                &[why],
            ),
            M::SaveFailed { newer: true, .. } => self.pick(
                "另一个标签页打开了更新版本的预算透视，本页不能再保存工作区。文件仍在本页中（标为“未保存”）；请重新加载本页。",
                "Another tab opened a newer version of Budget Lens, so this page can no longer save the workspace. The documents are still on this page (marked “not saved”); reload this page.",
            ).to_owned(),
            M::SaveFailed { quota: true, .. } => self.pick(
                "浏览器的存储空间已满，最近加入的文件没有保存（标为“未保存”）。它们仍在本页中，已保存的文件不受影响。可导出工作区或移除一些文件。",
                "The browser's storage is full: the documents added last were not saved (marked “not saved”). They are still on this page, and the saved ones are intact. Export the workspace or remove some documents.",
            ).to_owned(),
            M::SaveFailed { quota: false, .. } => self.pick(
                "无法保存工作区（浏览器不允许使用存储）。文件仍在本页中。",
                "The workspace could not be saved (the browser allows no storage). The documents are still on this page.",
            ).to_owned(),
            M::ImportRefused { name, why: ImportProblem::File(r) } => self.file_rejected(name, r),
            M::ImportRefused { name, why: ImportProblem::Json(e) } => {
                let (zh, en, arg) = match e {
                    R::NotJson => ("不是 JSON 文件", "is not JSON", String::new()),
                    R::OtherSchema(Some(k)) => ("是另一种 JSON（“{}”），不是预算透视的工作区文件", "is another kind of JSON (“{}”), not a Budget Lens workspace", k.clone()),
                    R::OtherSchema(None) => ("不是预算透视的工作区文件", "is not a Budget Lens workspace", String::new()),
                    R::NewerVersion(v) => ("是更新版本（第 {} 版）的工作区文件，请使用新版预算透视", "is a workspace of a newer version ({}); use a newer Budget Lens", v.to_string()),
                    R::Shape => ("格式不对（缺少文件列表或版本号）", "has the wrong shape (no document list or version)", String::new()),
                };
                let reason = self.fill(zh, en, &[&arg]);
                self.fill(
                    "未导入“{}”：它{}。工作区没有改变。",
                    "“{}” was not imported: it {}. The workspace is unchanged.",
                    &[name, &reason],
                )
            }
            M::Imported { name, added, present, skipped } => {
                let mut out = self.fill("已从“{}”导入 {} 份文件", "Imported {1} documents from “{0}”", &[name, &n(added)]);
                if *present > 0 {
                    out.push_str(&self.fill("，{} 份已在工作区中", "; {} were already here", &[&n(present)]));
                }
                if *skipped > 0 {
                    out.push_str(&self.fill("，{} 项无法读取", "; {} entries could not be read", &[&n(skipped)]));
                }
                out.push_str(self.pick("。", "."));
                out
            }
        }
    }

    /// The message when a file cannot be used.
    pub fn file_rejected(self, name: &str, why: &crate::decode::Rejection) -> String {
        use crate::decode::Rejection::*;
        let (zh, en) = match why {
            Empty => ("文件“{0}”是空的，没有可分析的文字。", "“{0}” is empty: there is no text to analyse."),
            TooLarge { .. } => (
                "文件“{0}”太大（{1}），上限是 20 MB。一份部门预算的文字通常不足 1 MB。",
                "“{0}” is too large ({1}); the limit is 20 MB. The text of a department budget is usually under 1 MB.",
            ),
            Pdf => (
                "“{0}”是 PDF 文件。这个单文件版本不含 PDF 读取程序（约 1.1 MB，网页版在打开 PDF 时才载入）：请用网页版打开它，或在 PDF 阅读器中全选并复制文字，再粘贴到这里。",
                "“{0}” is a PDF. This single-file page leaves the PDF reader out (about 1.1 MB, which the web page loads when a PDF is opened): open it on the web page, or select and copy all its text in a PDF reader and paste it here.",
            ),
            PdfTooLarge { .. } => (
                "PDF 文件“{0}”太大（{1}），上限是 40 MB。",
                "The PDF “{0}” is too large ({1}); the limit is 40 MB.",
            ),
            PdfUnread { zh, en } => return self.fill("未载入“{}”：{}", "“{}” was not loaded: {}", &[name, self.pick(zh, en)]),
            PdfFailed(f) => match f {
                crate::decode::PdfFailure::NotLoaded => (
                    "PDF 读取程序未能载入（约 1.1 MB，第一次使用时需要联网），“{0}”未载入。请联网后重试；若本工具刚更新过，请先刷新页面。",
                    "The PDF reader could not be loaded (about 1.1 MB, which needs a connection the first time), so “{0}” was not loaded. Try again when online; if this tool was just updated, reload the page first.",
                ),
                crate::decode::PdfFailure::Crashed => (
                    "读取“{0}”时 PDF 读取程序出错停止，未载入。这份 PDF 可能含有本工具无法处理的内容；可在 PDF 阅读器中复制文字后粘贴到这里。",
                    "The PDF reader stopped with an error while reading “{0}”, which was not loaded. The PDF may hold something this tool cannot handle; copy its text in a PDF reader and paste it here.",
                ),
                crate::decode::PdfFailure::TimedOut => (
                    "读取“{0}”超过 30 秒仍未完成，已停止，未载入。",
                    "Reading “{0}” took more than 30 seconds; it was stopped and the file was not loaded.",
                ),
            },
            Binary => (
                "“{0}”不是文本文件（含有二进制数据），未载入。请打开 UTF-8 或 GBK 编码的 .txt 文件。",
                "“{0}” is not a text file (it holds binary data) and was not loaded. Open a .txt file in UTF-8 or GBK.",
            ),
            Unreadable => ("无法读取文件“{0}”。", "“{0}” could not be read."),
        };
        let size = match why {
            TooLarge { bytes } | PdfTooLarge { bytes } => megabytes(*bytes),
            _ => String::new(),
        };
        self.fill(zh, en, &[name, &size])
    }
}

/// The plain-language answer, the glossary, the severity legend and the amounts-in-yuan
/// toggle (issue 23), in one block.
pub struct Plain {
    pub heading: &'static str,
    pub total: &'static str,
    pub of_total: &'static str,
    pub classes: &'static str,
    pub change: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub same: &'static str,
    pub last_year: &'static str,
    pub no_change: &'static str,
    pub checked: &'static str,
    pub errors: &'static str,
    pub warnings: &'static str,
    pub rounding: &'static str,
    pub notes: &'static str,
    pub the_error: &'static str,
    pub no_error: &'static str,
    pub not_given: &'static str,
    pub not_in_part: &'static str,
    pub unreliable: &'static str,
    pub what_total: &'static str,
    pub what_purposes: &'static str,
    pub what_three_public: &'static str,
    pub glossary: &'static str,
    pub severities: &'static str,
    pub in_yuan: &'static str,
    pub yuan: &'static str,
}

static PLAIN_ZH: Plain = Plain {
    heading: "简要回答",
    total: "支出总计：",
    of_total: "，占 ",
    classes: "（共 {} 类）",
    change: "与上年相比：",
    up: "增加 ",
    down: "减少 ",
    same: "与上年持平",
    last_year: "，上年为 ",
    no_change: "文件没有说明{}比上年的变化。",
    checked: "按 {} 条规则核对：",
    errors: "{} 处错误",
    warnings: "{} 处警告",
    rounding: "{} 处尾差",
    notes: "{} 条提示",
    the_error: "错误：",
    no_error: "没有发现错误。",
    not_given: "文件没有列出{}。",
    not_in_part: "这段文本只是文件的一部分，其中没有{}。",
    unreliable: "表{}没有可靠读出，这里不给出{}。",
    what_total: "支出总计",
    what_purposes: "按功能分类的支出",
    what_three_public: "“三公”经费",
    glossary: "名词解释",
    severities: "四类结果的含义",
    in_yuan: "Amounts in yuan",
    yuan: "元",
};

static PLAIN_EN: Plain = Plain {
    heading: "The answer in brief",
    total: "Total spending in this ",
    of_total: ", ",
    classes: " ({} classes in all)",
    change: "From last year: ",
    up: "up ",
    down: "down ",
    same: "the same as last year",
    last_year: "; last year ",
    no_change: "The document does not say how {} changed from last year.",
    checked: "Checked against {} rules: ",
    errors: "{} error(s)",
    warnings: "{} warning(s)",
    rounding: "{} rounding difference(s)",
    notes: "{} note(s)",
    the_error: "The error: ",
    no_error: "No errors found.",
    not_given: "The document does not give {}.",
    not_in_part: "The text is only part of a document, without {}.",
    unreliable: "Table {} could not be read reliably, so {} is not given here.",
    what_total: "total spending",
    what_purposes: "spending by function",
    what_three_public: "the 三公 costs",
    glossary: "Glossary",
    severities: "What the four kinds of result mean",
    in_yuan: "Amounts in yuan",
    yuan: "yuan",
};

impl Lang {
    /// The plain answer's, the glossary's and the legend's strings.
    pub fn plain(self) -> &'static Plain {
        match self {
            Lang::Zh => &PLAIN_ZH,
            Lang::En => &PLAIN_EN,
        }
    }

    /// Why the answer gives no figure for `what`.
    pub fn gap(self, gap: disclosure::analyze::answer::Gap, what: &str) -> String {
        use disclosure::analyze::answer::Gap;
        let p = self.plain();
        match gap {
            Gap::NotGiven => fill(p.not_given, &[what]),
            Gap::NotInPart => fill(p.not_in_part, &[what]),
            Gap::Unreliable(t) => fill(p.unreliable, &[&t.to_string(), what]),
        }
    }
}

/// A template with its `{}` filled by `args` in order, or `{0}`, `{1}`… by position (one
/// function for every message with parameters: each `format!` would add its own code to the
/// page).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut next = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let index = match after[..close].parse::<usize>() {
            Ok(i) => i,
            Err(_) => {
                next += 1;
                next - 1
            }
        };
        out.push_str(args.get(index).copied().unwrap_or_default());
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// "58,833": a count with thousands separators.
fn grouped(n: usize) -> String {
    crate::format::count(disclosure::Decimal::from(n as u64))
}

/// "3.4 MB": a size for messages (in tenths, without floating point).
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_distinct_toggles_and_tags() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(Lang::Zh.other(), Lang::En);
        assert_eq!(Lang::Zh.tag(), "zh-CN");
        assert_eq!(Lang::En.tag(), "en");
        assert_ne!(Lang::Zh.s().nav_findings, Lang::En.s().nav_findings);
        assert_eq!(Lang::Zh.s().lang_toggle, "English");
    }

    #[test]
    fn columns_keep_the_template_title() {
        assert_eq!(Lang::Zh.column(Col::Basic), "基本支出");
        assert_eq!(Lang::En.column(Col::Basic), "Basic (基本支出)");
        assert_eq!(Lang::En.column(Col::Econ(301)), "工资福利支出");
    }

    #[test]
    fn templates_fill_in_order_or_by_position() {
        assert_eq!(fill("a{}b{}c", &["1", "2"]), "a1b2c");
        assert_eq!(fill("{1} of {0}", &["x", "y"]), "y of x");
        assert_eq!(fill("no args", &[]), "no args");
        assert_eq!(fill("missing {}", &[]), "missing ");
        assert_eq!(fill("open { brace", &["x"]), "open { brace");
        assert_eq!(
            Lang::En.ws_message(&crate::workspace::WsMessage::Imported {
                name: "w.json".into(),
                added: 2,
                present: 1,
                skipped: 0
            }),
            "Imported 2 documents from “w.json”; 1 were already here."
        );
        assert_eq!(
            Lang::Zh.ws_message(&crate::workspace::WsMessage::Damaged {
                count: 1,
                skipped: 1,
                backup: Some("k".into())
            }),
            "保存的工作区部分损坏：恢复了 1 份文件，1 项无法读取。原始内容已备份在本浏览器的 localStorage “k”中。"
        );
    }

    #[test]
    fn sizes_in_megabytes() {
        assert_eq!(megabytes(20 * 1_048_576 + 1), "20.0 MB");
        assert_eq!(megabytes(1_572_864), "1.5 MB");
        assert_eq!(megabytes(0), "0.0 MB");
    }

    #[test]
    fn severities_have_words() {
        for s in [
            Severity::Error,
            Severity::Warning,
            Severity::Rounding,
            Severity::Info,
        ] {
            assert!(!Lang::Zh.severity(s).is_empty());
            assert!(!Lang::En.severity(s).is_empty());
        }
    }
}
