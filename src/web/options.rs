//! The reader's settings as the content script receives them from the loader (which reads
//! `storage.sync`, see `extension/settings.js`). Missing or malformed fields fall back to
//! the defaults, so an old or hand-edited settings object never stops the extension.

use crate::card::SearchTemplate;
use crate::kb::EntityType;
use std::collections::HashMap;

/// The categories a reader can switch off: facilities are places of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Person,
    Organization,
    Place,
    Facility,
}

impl Category {
    pub fn of(kind: EntityType, subtype: &str) -> Category {
        match kind {
            EntityType::Person => Category::Person,
            EntityType::Organization => Category::Organization,
            EntityType::Place if matches!(subtype, "facility" | "military_base") => {
                Category::Facility
            }
            EntityType::Place => Category::Place,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Category::Person => "person",
            Category::Organization => "organization",
            Category::Place => "place",
            Category::Facility => "facility",
        }
    }
}

#[derive(Clone, Debug, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// Categories highlighted and carded; the others are ignored.
    pub categories: Vec<String>,
    /// "underline", "tint" or "none" (no highlight: cards open on Alt+hover).
    pub style: String,
    /// "default" or "contrast".
    pub palette: String,
    pub hover_delay_ms: u32,
    pub search: Vec<SearchTemplate>,
    /// Card texts from the extension's `_locales`, by message name.
    pub labels: HashMap<String, String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            categories: ["person", "organization", "place", "facility"]
                .map(String::from)
                .to_vec(),
            style: "underline".into(),
            palette: "default".into(),
            hover_delay_ms: 300,
            search: Vec::new(),
            labels: HashMap::new(),
        }
    }
}

impl Options {
    pub fn from_js(value: wasm_bindgen::JsValue) -> Options {
        if value.is_undefined() || value.is_null() {
            return Options::default();
        }
        let mut options: Options = serde_wasm_bindgen::from_value(value).unwrap_or_else(|e| {
            web_sys::console::warn_1(&format!("Backstory: settings ignored: {e}").into());
            Options::default()
        });
        options.hover_delay_ms = options.hover_delay_ms.clamp(0, 3000);
        if !matches!(options.style.as_str(), "underline" | "tint" | "none") {
            options.style = "underline".into();
        }
        if !matches!(options.palette.as_str(), "default" | "contrast") {
            options.palette = "default".into();
        }
        options
    }

    pub fn shows(&self, category: Category) -> bool {
        self.categories.iter().any(|c| c == category.key())
    }

    /// Highlights are painted (the "none" style keeps cards on Alt+hover only).
    pub fn paints(&self) -> bool {
        self.style != "none"
    }

    /// The highlight name for one entity type under the current style and palette; the
    /// content stylesheet has a rule for each.
    pub fn highlight_name(&self, kind: EntityType) -> String {
        format!(
            "backstory-{}-{}-{}",
            self.style,
            self.palette,
            kind.as_str()
        )
    }

    /// A card text by its `_locales` message name, English when the loader sent none.
    pub fn label<'a>(&'a self, key: &str, english: &'a str) -> &'a str {
        self.labels
            .get(key)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .unwrap_or(english)
    }
}
