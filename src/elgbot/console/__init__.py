"""The staff console (`/console`): staff accounts and sessions, the handoff inbox, quote
requests, carts and orders, and the funnel. Server-rendered pages on the same stores and
support functions the bot uses; nothing here is reachable without a staff session."""
