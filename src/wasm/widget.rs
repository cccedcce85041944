//! The citizen widget's JS API (consent flow, informativa, join links, QR). In progress.
