import type { User } from '../contract/api.js';
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from './user.entity.js';

export const IS_PUBLIC = 'coventis:public';
export const ROLES_KEY = 'coventis:roles';

/** The route answers without a token; a valid token still identifies the caller. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Who is asking: the user as the API shows it (src/contract/api.ts). */
export type AuthUser = User;

export interface AuthenticatedRequest {
  user?: AuthUser;
  headers: Record<string, string | string[] | undefined>;
}

/** The caller, or undefined on a public route called anonymously. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
