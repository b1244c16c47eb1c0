//! The completeness checklist (rules.md §4, per 财预〔2016〕143号).
