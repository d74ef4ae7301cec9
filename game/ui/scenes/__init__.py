"""One module per screen. Each scene turns input into decisions and draws from the state."""
