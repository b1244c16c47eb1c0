//! Rule D1: Every table names the document's department

use super::*;

rules! {
    /// Every table's 编制部门 is the document's department. Why: a table copied from another
    /// department's disclosure is the worst error a reader can miss.
    D1 = "D1", "各表编制部门与文件部门一致", "Every table names the document's department", department_headers;
}
