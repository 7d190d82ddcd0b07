//! Email. Routes never send mail: a change that causes a message writes an
//! outbox row in its own transaction ([`outbox::queue`]); the worker
//! ([`worker`]) delivers it over SMTP or into files, retrying with
//! exponential backoff. Messages are rendered from templates in the
//! recipient's language and never carry report content, summaries,
//! contact details or receipts: only that something is waiting, and a link
//! to a list. Messages about cases leave on fixed [`slots`].

pub mod message;
pub mod outbox;
pub mod slots;
pub mod transport;
pub mod worker;
