import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import type { MailFigures } from '../contract/api.js';
import { MAIL_KINDS, type MailKind, type OutboxStatus } from './outbox.entity.js';

export class MailPreferencesDto {
  @ApiProperty({
    enum: MAIL_KINDS,
    isArray: true,
    description: 'The kinds of mail turned off; every other kind is sent',
  })
  @IsArray()
  @ArrayMaxSize(MAIL_KINDS.length)
  @IsIn(MAIL_KINDS, {
    each: true,
    message: `each value in $property must be one of: ${MAIL_KINDS.join(', ')}`,
  })
  off: MailKind[];
}

export class MailKindFiguresDto {
  @ApiProperty({ enum: MAIL_KINDS }) kind: MailKind;
  @ApiProperty() pending: number;
  @ApiProperty() sent: number;
  @ApiProperty({ description: 'Given up after MAIL_MAX_ATTEMPTS' }) failed: number;
  @ApiProperty({ description: 'Not sent: turned off by the person, or no longer true' })
  skipped: number;
}

export class MailFiguresDto implements MailFigures {
  @ApiProperty({ type: [MailKindFiguresDto] }) kinds: MailKindFiguresDto[];
}

export type StatusCounts = Record<OutboxStatus, number>;
