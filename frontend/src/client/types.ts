/**
 * Domain types derived from the generated schema by *path*, so a renamed
 * component schema in a regenerated openapi.json does not break the app.
 */
import type { paths } from './schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type RequestBody<T> = T extends { requestBody?: infer R } ? JsonOf<NonNullable<R>> : never;

export type AuthConfig = JsonOf<paths['/api/v1/auth/config']['get']['responses'][200]>;
export type TokenResponse = JsonOf<paths['/api/v1/auth/login']['post']['responses'][200]>;
export type LoginRequest = RequestBody<paths['/api/v1/auth/login']['post']>;
export type RegisterRequest = RequestBody<paths['/api/v1/auth/register']['post']>;
export type PasswordChangeRequest = RequestBody<paths['/api/v1/auth/password/change']['post']>;
export type UserRead = JsonOf<paths['/api/v1/auth/me']['get']['responses'][200]>;
export type ProfileRead = JsonOf<paths['/api/v1/users/me']['get']['responses'][200]>;
export type ProfileUpdate = RequestBody<paths['/api/v1/users/me']['patch']>;
export type SkillRead = ProfileRead['skills'][number];
export type SkillsReplace = RequestBody<paths['/api/v1/users/me/skills']['put']>;
export type SkillInput = SkillsReplace['skills'][number];
