import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, fieldErrorsFromBody, messageFromBody } from './errors';

describe('messageFromBody', () => {
  it('uses the server detail when it is a string', () => {
    expect(messageFromBody({ detail: 'Email already registered', code: 'email_taken' }, 409)).toBe(
      'Email already registered',
    );
  });

  it('joins validation messages when detail is a list (FastAPI default shape)', () => {
    const body = { detail: [{ loc: ['body', 'email'], msg: 'value is not a valid email address', type: 'value_error' }, { loc: ['body', 'password'], msg: 'too short' }] };
    expect(messageFromBody(body, 422)).toBe('value is not a valid email address. too short');
  });

  it('falls back to the `errors` list when detail is empty', () => {
    expect(messageFromBody({ detail: '', code: 'validation_error', errors: [{ field: 'timezone', message: 'Unknown timezone' }] }, 422)).toBe('Unknown timezone');
  });

  it('falls back to the status code for bodies it cannot read', () => {
    expect(messageFromBody(undefined, 500)).toBe('Something went wrong (HTTP 500)');
    expect(messageFromBody({ unexpected: true }, 418)).toBe('Something went wrong (HTTP 418)');
    expect(messageFromBody('<!doctype html><p>Bad gateway</p>', 500)).toBe('Something went wrong (HTTP 500)');
    expect(messageFromBody(null, 502)).toBe('Cannot reach the server (HTTP 502)');
    expect(messageFromBody(null)).toBe('Something went wrong');
  });
});

describe('fieldErrorsFromBody', () => {
  it('maps pydantic locations and simple field entries to field names', () => {
    expect(
      fieldErrorsFromBody({
        detail: 'Invalid input',
        code: 'validation_error',
        errors: [
          { loc: ['body', 'timezone'], msg: 'Unknown timezone', type: 'value_error' },
          { field: 'daily_application_goal', message: 'Must be at most 50' },
          { nonsense: 1 },
        ],
      }),
    ).toEqual([
      { field: 'timezone', message: 'Unknown timezone' },
      { field: 'daily_application_goal', message: 'Must be at most 50' },
    ]);
  });
});

describe('errorMessage', () => {
  it('prefers the ApiError message built from the body', () => {
    expect(errorMessage(new ApiError(429, { detail: 'Too many attempts, try again in a minute', code: 'rate_limited' }))).toBe(
      'Too many attempts, try again in a minute',
    );
  });

  it('says the server cannot be reached on network failures', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Cannot reach the server');
    expect(errorMessage(new TypeError('NetworkError when attempting to fetch resource.'))).toBe('Cannot reach the server');
  });

  it('has a generic answer for anything else', () => {
    expect(errorMessage('weird')).toBe('Something went wrong');
    expect(errorMessage(new Error('Boom'))).toBe('Boom');
  });
});
