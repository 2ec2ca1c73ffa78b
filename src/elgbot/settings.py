"""Configuration from the environment. Nothing here is read at import time:
`Settings()` reads the environment when the composition root asks for it, and tests pass
their own values (`Settings(data_dir=..., ...)`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _env(name: str) -> AliasChoices:
    # Accept the field name too, so tests can write Settings(twilio_auth_token=...).
    return AliasChoices(name, name.lower())


class Settings(BaseSettings):
    # Errors never echo a value: some are secrets (tokens, keys).
    model_config = SettingsConfigDict(
        extra="ignore", populate_by_name=True, hide_input_in_errors=True
    )

    data_dir: Path = Field(Path("var"), validation_alias=_env("ELG_DATA_DIR"))
    database_url: str | None = Field(None, validation_alias=_env("ELG_DATABASE_URL"))
    redis_url: str | None = Field(None, validation_alias=_env("ELG_REDIS_URL"))
    site_url: str = Field("https://elg.com", validation_alias=_env("ELG_SITE_URL"))
    public_url: str | None = Field(None, validation_alias=_env("ELG_PUBLIC_URL"))

    twilio_auth_token: str | None = Field(None, validation_alias=_env("TWILIO_AUTH_TOKEN"))
    twilio_account_sid: str | None = Field(None, validation_alias=_env("TWILIO_ACCOUNT_SID"))
    twilio_whatsapp_from: str | None = Field(None, validation_alias=_env("TWILIO_WHATSAPP_FROM"))
    # Secrets of Twilio webhook SharedKeys (Webhook Rules), as `id=secret` pairs separated
    # by commas: a request naming one of these keys is checked with its secret.
    twilio_webhook_shared_keys: str | None = Field(
        None, validation_alias=_env("TWILIO_WEBHOOK_SHARED_KEYS")
    )
    twilio_api_url: str = Field(
        "https://api.twilio.com", validation_alias=_env("ELG_TWILIO_API_URL")
    )

    chat_page: bool = Field(True, validation_alias=_env("ELG_CHAT_PAGE"))
    # The chat page's key (`elgbot serve` makes one when unset): a proxy in front can make a
    # stranger's request look local, but cannot give it the key.
    chat_key: str | None = Field(None, validation_alias=_env("ELG_CHAT_KEY"))
    session_ttl_seconds: int = Field(
        7 * 24 * 3600, validation_alias=_env("ELG_SESSION_TTL_SECONDS"), gt=0
    )
    sample_catalog_size: int = Field(5000, validation_alias=_env("ELG_SAMPLE_CATALOG_SIZE"), ge=0)
    # Sent replies and their delivery statuses are kept this long, then dropped.
    history_retention_days: float = Field(
        90.0, validation_alias=_env("ELG_HISTORY_RETENTION_DAYS"), gt=0
    )
    # Bearer token of the store's systems for the JSON APIs (orders, stock). Unset: every
    # API request is refused (401).
    api_token: str | None = Field(None, validation_alias=_env("ELG_API_TOKEN"))

    # Talk to Support. Without a Gemini key the assistant answers from the store facts.
    gemini_api_key: str | None = Field(None, validation_alias=_env("GEMINI_API_KEY"))
    gemini_model: str = Field("gemini-3.5-flash-lite", validation_alias=_env("ELG_GEMINI_MODEL"))
    gemini_base_url: str | None = Field(None, validation_alias=_env("ELG_GEMINI_BASE_URL"))
    gemini_timeout_seconds: float = Field(
        20.0, validation_alias=_env("ELG_GEMINI_TIMEOUT_SECONDS"), gt=0
    )
    assistant_budget_seconds: float = Field(
        3.0, validation_alias=_env("ELG_ASSISTANT_BUDGET_SECONDS"), gt=0
    )
    # A reply Twilio could not take (5xx, 429, network) is tried again after this long,
    # the pause doubling up to the longest, until the customer's 24-hour window closes.
    send_retry_seconds: float = Field(30.0, validation_alias=_env("ELG_SEND_RETRY_SECONDS"), gt=0)
    send_retry_max_seconds: float = Field(
        1800.0, validation_alias=_env("ELG_SEND_RETRY_MAX_SECONDS"), gt=0
    )
    store_facts: Path | None = Field(None, validation_alias=_env("ELG_STORE_FACTS"))
    handoff_timeout_minutes: float = Field(
        60.0, validation_alias=_env("ELG_HANDOFF_TIMEOUT_MINUTES"), gt=0
    )

    # Staff console. Secure cookies travel only over HTTPS: turn them off only for a console
    # reached over plain http on this machine.
    console_secure_cookies: bool = Field(True, validation_alias=_env("ELG_CONSOLE_SECURE_COOKIES"))
    console_session_hours: float = Field(
        12.0, validation_alias=_env("ELG_CONSOLE_SESSION_HOURS"), gt=0
    )
    # "Today" and the funnel's days on the overview, in the store's time zone.
    console_timezone: str = Field("Asia/Kolkata", validation_alias=_env("ELG_CONSOLE_TIMEZONE"))

    @field_validator("twilio_webhook_shared_keys")
    @classmethod
    def _shared_keys_parse(cls, value: str | None) -> str | None:
        parse_shared_keys(value)  # a typo fails at start-up, not at the first message
        return value

    @property
    def webhook_shared_keys(self) -> dict[str, str]:
        """TWILIO_WEBHOOK_SHARED_KEYS as {key id: secret}."""
        return parse_shared_keys(self.twilio_webhook_shared_keys)

    @property
    def effective_database_url(self) -> str:
        """The configured database, or the embedded SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'elgbot.sqlite3').resolve()}"


def parse_shared_keys(text: str | None) -> dict[str, str]:
    """`id=secret, id2=secret2` → {id: secret}; a key id has no `=`, a secret may."""
    keys: dict[str, str] = {}
    for entry in (text or "").split(","):
        if not entry.strip():
            continue
        key, equals, secret = entry.strip().partition("=")
        if not equals or not key.strip() or not secret.strip():
            raise ValueError(
                "TWILIO_WEBHOOK_SHARED_KEYS takes comma-separated id=secret pairs,"
                f" got an entry of {len(entry.strip())} characters without one"
            )
        keys[key.strip()] = secret.strip()
    return keys
