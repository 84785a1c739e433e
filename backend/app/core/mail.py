"""Outgoing mail: SMTP when SMTP_HOST is set, otherwise the message goes to the log (embedded default)."""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from email.message import EmailMessage

import structlog

from app.core.config import Settings

log = structlog.get_logger(__name__)


class Mailer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def send(self, to: str, subject: str, text: str) -> bool:
        """Send one plain-text message; a mail server failure is logged, never raised into a request."""
        if not self.settings.smtp_host:
            log.warning("mail_not_configured", to=to, subject=subject, body=text)
            return False
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = self.settings.smtp_from, to, subject
        msg.set_content(text)
        try:
            await asyncio.to_thread(self._send_sync, msg)
        except (OSError, smtplib.SMTPException) as exc:
            log.error("mail_failed", to=to, subject=subject, error=str(exc))
            return False
        log.info("mail_sent", to=to, subject=subject)
        return True

    def _send_sync(self, msg: EmailMessage) -> None:
        s = self.settings
        assert s.smtp_host
        smtp_cls = smtplib.SMTP_SSL if s.smtp_ssl else smtplib.SMTP
        with smtp_cls(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_seconds) as smtp:
            if s.smtp_starttls and not s.smtp_ssl:
                smtp.starttls(context=ssl.create_default_context())
            if s.smtp_username and s.smtp_password:
                smtp.login(s.smtp_username, s.smtp_password)
            smtp.send_message(msg)
