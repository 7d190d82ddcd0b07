//! The operator's key commands: the master key's rotation and retirement
//! (`haven keys rotate`, `haven keys retire`), the move of an installation
//! from before keys were held by people (`haven keys migrate`), and what
//! is still protected by the master key alone meanwhile (`haven keys
//! status`).

mod migrate;
mod rotate;
mod status;

pub use migrate::{Moved, migrate};
pub use rotate::{add, retire, rotate};
pub use status::{Status, TeamKey, status};
