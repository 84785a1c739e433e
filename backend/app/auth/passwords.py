"""Password policy: long enough, not a well-known password, not the email address."""

from __future__ import annotations

# A short list of the passwords that top every leaked-password list; long enough ones are refused too.
COMMON_PASSWORDS = frozenset(
    [
        "123456789012",
        "1234567890",
        "12345678910",
        "password123",
        "password1234",
        "passwordpassword",
        "qwertyuiop",
        "qwertyuiop123",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "iloveyou123",
        "abcdefghij",
        "abc1234567",
        "letmein123",
        "welcome123",
        "administrator",
        "changeme123",
        "football123",
        "baseball123",
        "monkey1234",
        "dragon1234",
        "sunshine123",
        "princess123",
        "0987654321",
        "1111111111",
        "0000000000",
        "aaaaaaaaaa",
        "trustno1234",
        "superman123",
        "passw0rd123",
        "p@ssw0rd123",
        "qwerty12345",
        "qwerty123456",
        "zaq12wsxcde",
        "asdfghjkl1",
        "zxcvbnm123",
        "11111111111",
        "123123123123",
    ]
)


def password_problem(password: str, email: str, min_length: int) -> str | None:
    """Why this password is refused, in words, or None when it is acceptable."""
    if len(password) < min_length:
        return f"Password must be at least {min_length} characters long."
    if len(password) > 256:
        return "Password must be at most 256 characters long."
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(password)) < 4:
        return "This password is too easy to guess. Try a longer phrase of unrelated words."
    local = email.split("@", 1)[0].lower()
    # Mostly the email's name part (e.g. "ada-lovelace-1" for ada-lovelace@…): guessable from the address.
    if lowered == email.lower() or (len(local) >= 4 and local in lowered and len(local) * 2 > len(password)):
        return "Password must not be mostly your email address."
    return None
