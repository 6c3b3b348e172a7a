//! One opaque error type; every message says what broke and what to try next.

use std::fmt;

#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorKind {
    KnowledgeBase,
    Input,
}

impl Error {
    pub(crate) fn kb(message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::KnowledgeBase,
            message: message.into(),
        }
    }

    pub fn input(message: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::Input,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ErrorKind::KnowledgeBase => "knowledge base",
            ErrorKind::Input => "input",
        };
        write!(f, "{what}: {}", self.message)
    }
}

impl std::error::Error for Error {}
