//! What every handler can reach: the services' context, as actix-web's
//! application data.

pub use crate::context::Ctx as AppState;
