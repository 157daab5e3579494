import { Body, Controller, Get, Header, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/decorators.js';
import { User } from '../auth/user.entity.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { badRequest } from '../common/errors.js';
import { IdParam } from '../common/validation.js';
import { EnvironmentVariables } from '../config/env.js';
import { MailFiguresDto, MailPreferencesDto } from './mail.dto.js';
import { MAIL_KINDS, OutboxMessage, type MailKind, type OutboxStatus } from './outbox.entity.js';
import { validUnsubscribe } from './signed-links.js';

const STOPPED: Record<'fr' | 'en', string> = {
  fr: 'C’est noté : vous ne recevrez plus ce type de message de Coventis.',
  en: 'Done: you will not receive this kind of message from Coventis any more.',
};

@ApiTags('mail')
@Controller()
export class MailController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly env: EnvironmentVariables,
  ) {}

  @Get('mail/preferences')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MailPreferencesDto })
  @ApiOperation({ summary: 'The kinds of mail I turned off' })
  async preferences(@CurrentUser() user: AuthUser): Promise<MailPreferencesDto> {
    const me = await this.dataSource.manager.findOneByOrFail(User, { id: user.id });
    return { off: known(me.mailOff) };
  }

  @Put('mail/preferences')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MailPreferencesDto })
  @ApiOperation({ summary: 'Turn kinds of mail off (the list replaces the previous one)' })
  async setPreferences(
    @CurrentUser() user: AuthUser,
    @Body() dto: MailPreferencesDto,
  ): Promise<MailPreferencesDto> {
    const off = [...new Set(dto.off)].sort();
    await this.uow.write((manager) => manager.update(User, { id: user.id }, { mailOff: off }));
    return { off };
  }

  /**
   * The link at the foot of every message, opened in a browser (GET) or posted by the mail
   * program's one-click button (POST, RFC 8058): no login, the signature says who and what.
   */
  @Public()
  @Get('mail/unsubscribe')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Turn one kind of mail off from the signed link of a message' })
  unsubscribePage(
    @Query('user') userId: unknown,
    @Query('kind') kind: unknown,
    @Query('sig') sig: unknown,
  ): Promise<string> {
    return this.unsubscribe(userId, kind, sig);
  }

  @Public()
  @Post('mail/unsubscribe')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The one-click form of the same link' })
  unsubscribeOneClick(
    @Query('user') userId: unknown,
    @Query('kind') kind: unknown,
    @Query('sig') sig: unknown,
  ): Promise<string> {
    return this.unsubscribe(userId, kind, sig);
  }

  @Get('editions/:editionId/mail/figures')
  @ApiBearerAuth()
  @Roles('organizer')
  @ApiOkResponse({ type: MailFiguresDto })
  @ApiOperation({ summary: 'Messages of the edition by kind: pending, sent, failed, skipped' })
  async figures(@IdParam('editionId') editionId: string): Promise<MailFiguresDto> {
    const rows = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('m.kind', 'kind')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('m.editionId = :editionId', { editionId })
      .groupBy('m.kind')
      .addGroupBy('m.status')
      .getRawMany<{ kind: MailKind; status: OutboxStatus; n: string | number }>();
    return {
      kinds: MAIL_KINDS.map((kind) => {
        const count = (status: OutboxStatus) =>
          Number(rows.find((r) => r.kind === kind && r.status === status)?.n ?? 0);
        return {
          kind,
          pending: count('pending'),
          sent: count('sent'),
          failed: count('failed'),
          skipped: count('skipped'),
        };
      }),
    };
  }

  private async unsubscribe(userId: unknown, kind: unknown, sig: unknown): Promise<string> {
    const ok =
      typeof userId === 'string' &&
      typeof kind === 'string' &&
      typeof sig === 'string' &&
      (MAIL_KINDS as readonly string[]).includes(kind) &&
      validUnsubscribe(this.env.JWT_SECRET, userId, kind, sig);
    if (!ok) throw badRequest('mail/bad_link', 'This link is not valid (it may have been cut)');
    const lang = await this.uow.write(async (manager) => {
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) return null;
      if (!user.mailOff.includes(kind)) {
        await manager.update(User, { id: user.id }, { mailOff: [...user.mailOff, kind].sort() });
      }
      return user.language === 'en' ? 'en' : 'fr';
    });
    if (!lang) throw badRequest('mail/bad_link', 'This link is not valid any more');
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Coventis</title></head><body><p>${STOPPED[lang]}</p></body></html>`;
  }
}

function known(kinds: string[]): MailKind[] {
  return MAIL_KINDS.filter((k) => kinds.includes(k));
}
