/**
 * Test data builders, one module per domain under ./fixtures/. Tests import them all from here
 * (`../test/fixtures`), so where a builder lives is not their concern.
 */
export * from './fixtures/session';
export * from './fixtures/jobs';
export * from './fixtures/applications';
export * from './fixtures/account';
export * from './fixtures/admin';
export * from './fixtures/analytics';
export * from './fixtures/discover';
export * from './fixtures/resumes';
export * from './fixtures/documents';
