//! One sort for the crate and the page.
//!
//! `slice::sort_by` is compiled anew for every element type and every comparator, some 3–5 kB
//! of WebAssembly each: the page had a dozen of them, 59 kB before compression. [`sort_by`]
//! sorts positions instead, through one comparator behind a `dyn` reference, so the standard
//! library's stable sort is compiled once; only a few lines that move the elements into their
//! new order are compiled per element type.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal elements keep their order), in `O(n log n)` comparisons
/// and one move of each element.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| old[i].take()));
}

/// Sorts `v` by a key, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` into ascending order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The one instance of the standard sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let words = [
            "pear", "fig", "apple", "kiwi", "date", "plum", "fig", "lime", "", "yam",
        ];
        let mut ours: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        let mut std_sorted = ours.clone();
        sort_by_key(&mut ours, |(_, w)| w.len());
        std_sorted.sort_by_key(|(_, w)| w.len());
        assert_eq!(ours, std_sorted);
        let mut numbers = vec![5u32, 3, 9, 1, 3, 0, 7];
        sort(&mut numbers);
        assert_eq!(numbers, [0, 1, 3, 3, 5, 7, 9]);
        let mut strings: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        sort_by(&mut strings, |a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        assert_eq!(strings[..3], ["apple", "date", "kiwi"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_list_sorts_as_std_does(mut v in proptest::collection::vec((0u8..8, 0u16..1000), 0..200)) {
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            proptest::prop_assert_eq!(v, expected);
        }
    }
}
