//! Integration tests: one binary, a module per command, driving the real `qanun` executable.

mod check;
mod packet;
mod support;
