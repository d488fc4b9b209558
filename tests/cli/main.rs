//! Integration tests: one binary, a module per command, driving the real `qanun` executable.

mod akn;
mod check;
mod compare;
mod corpus;
mod diff;
mod docx;
mod import;
mod init;
mod packet;
mod render;
mod report;
mod review;
mod shipped;
mod support;
mod watch;
