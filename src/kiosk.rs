//! Kiosk mode (`?kiosk=1`): larger type and touch targets, nothing kept, and back to the start
//! screen after a few idle minutes. `&idle=SECONDS` shortens the wait (for tests).

/// How long a kiosk waits without any input before it returns to the start, in seconds.
pub const IDLE_SECONDS: u32 = 180;

/// How long before the reset a kiosk shows its countdown, in milliseconds.
pub const WARNING_MS: u32 = 10_000;

/// The kiosk settings of a page address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kiosk {
    /// Kiosk mode is on.
    pub on: bool,
    /// Milliseconds without input before the page resets.
    pub idle_ms: u32,
}

/// The value of `name` in a query string ("?a=1&b=2").
fn param<'a>(search: &'a str, name: &str) -> Option<&'a str> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl Kiosk {
    /// The settings in a query string.
    pub fn from_query(search: &str) -> Kiosk {
        let on = matches!(param(search, "kiosk"), Some("1" | "true" | "yes" | ""));
        let idle = param(search, "idle")
            .and_then(|v| v.parse::<u32>().ok())
            .map_or(IDLE_SECONDS, |s| s.clamp(1, 3600));
        Kiosk {
            on,
            idle_ms: idle * 1000,
        }
    }

    /// How long after the last input the countdown appears, in milliseconds (at once when the
    /// whole wait is shorter than the countdown).
    pub fn warning_after_ms(self) -> u32 {
        self.idle_ms.saturating_sub(WARNING_MS)
    }

    /// The settings of the current page.
    pub fn from_location() -> Kiosk {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        Kiosk::from_query(&search)
    }
}

/// Whole seconds left before `deadline` at `now` (milliseconds), counted up: 9.2 s left is 10.
pub fn seconds_left(deadline: f64, now: f64) -> u32 {
    ((deadline - now) / 1000.0).ceil().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_takes_the_last_ten_seconds() {
        assert_eq!(Kiosk::from_query("?kiosk=1").warning_after_ms(), 170_000);
        assert_eq!(
            Kiosk::from_query("?kiosk=1&idle=12").warning_after_ms(),
            2_000
        );
        assert_eq!(Kiosk::from_query("?kiosk=1&idle=2").warning_after_ms(), 0);
        assert_eq!(seconds_left(10_000.0, 0.0), 10);
        assert_eq!(seconds_left(10_000.0, 800.0), 10);
        assert_eq!(seconds_left(10_000.0, 1_000.0), 9);
        assert_eq!(seconds_left(10_000.0, 9_999.0), 1);
        assert_eq!(seconds_left(10_000.0, 10_500.0), 0);
    }

    #[test]
    fn reads_the_query() {
        assert_eq!(
            Kiosk::from_query(""),
            Kiosk {
                on: false,
                idle_ms: 180_000
            }
        );
        assert!(Kiosk::from_query("?kiosk=1").on);
        assert!(Kiosk::from_query("?x=2&kiosk").on);
        assert!(!Kiosk::from_query("?kiosk=0").on);
        assert!(!Kiosk::from_query("?nokiosk=1").on);
        assert_eq!(Kiosk::from_query("?kiosk=1&idle=2").idle_ms, 2_000);
        assert_eq!(Kiosk::from_query("?idle=0").idle_ms, 1_000);
        assert_eq!(Kiosk::from_query("?idle=abc").idle_ms, 180_000);
    }
}
