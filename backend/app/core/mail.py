"""Outgoing mail: SMTP when SMTP_HOST is set, otherwise the message goes to the log (embedded default)."""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from email.message import EmailMessage

import structlog

from app.core.config import Settings

log = structlog.get_logger(__name__)


class MailError(Exception):
    """The mail server could not be reached or refused the message; the text says why, for a person."""


class Mailer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def configured(self) -> bool:
        return bool(self.settings.smtp_host)

    async def send(self, to: str, subject: str, text: str, html: str | None = None) -> bool:
        """Send one message; a mail server failure is logged, never raised into a request."""
        if not self.configured:
            log.warning("mail_not_configured", to=to, subject=subject, body=text)
            return False
        try:
            await self.deliver(to, subject, text, html)
        except MailError:
            return False
        return True

    async def deliver(self, to: str, subject: str, text: str, html: str | None = None) -> None:
        """Send one message over SMTP or raise `MailError` (callers that retry need the reason)."""
        if not self.configured:
            raise MailError("no mail server is configured (SMTP_HOST is unset)")
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = self.settings.smtp_from, to, subject
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
        try:
            await asyncio.to_thread(self._send_sync, msg)
        except (OSError, smtplib.SMTPException) as exc:
            reason = _reason(exc, self.settings)
            log.error("mail_failed", to=to, subject=subject, error=reason)
            raise MailError(reason) from exc
        log.info("mail_sent", to=to, subject=subject)

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


def _reason(exc: BaseException, settings: Settings) -> str:
    where = f"{settings.smtp_host}:{settings.smtp_port}"
    if isinstance(exc, ConnectionRefusedError):
        return f"the mail server at {where} refused the connection"
    if isinstance(exc, TimeoutError | smtplib.SMTPServerDisconnected):
        return f"the mail server at {where} did not answer in time or hung up"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"the mail server at {where} rejected the SMTP username or password"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "the mail server refused the recipient address"
    if isinstance(exc, smtplib.SMTPResponseException):
        detail = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        return f"the mail server at {where} answered {exc.smtp_code}: {detail}"
    return f"could not send mail via {where}: {exc}"
