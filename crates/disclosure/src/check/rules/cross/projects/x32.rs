//! Rule X32: Table 7 projects = 第三部分 七 projects

use super::*;

rules! {
    /// What: the projects of 表7 and the project descriptions of 第三部分 七 are the same list,
    /// with the same amounts. Names are compared without spaces; a name that matches only once
    /// bracket styles are unified, or that is a character or so apart, is a note.
    /// Why: 七 explains each project of 表7; a missing or different project misleads.
    /// Example: nine projects, 185.30 in all, in both.
    X32 = "X32", "表7 项目 = 第三部分 七 项目", "Table 7 projects = 第三部分 七 projects", narrative_projects;
}
