import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { forbidden, unauthorized } from '../common/errors.js';
import { Reflector } from '@nestjs/core';
import { AuthService } from './auth.service.js';
import { IS_PUBLIC, ROLES_KEY, type AuthenticatedRequest } from './decorators.js';
import type { Role } from './user.entity.js';

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}

/** Global guard: every route needs a valid bearer token unless marked @Public, then @Roles applies. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    const user = token ? await this.auth.authenticate(token) : null;
    if (user) request.user = user;
    if (isPublic) return true;
    if (!user) {
      throw token
        ? unauthorized('auth/invalid_token', 'Invalid or expired token')
        : unauthorized('auth/login_required', 'Log in first');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw forbidden('auth/wrong_role', `Only ${roles.join(' or ')} accounts may do this`);
    }
    return true;
  }
}
