import { Global, Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { MailComposer } from './compose.js';
import { MailController } from './mail.controller.js';
import { MailOutbox } from './outbox.js';
import { OutboxSender } from './sender.js';
import { MailTransport } from './transport.js';

/** Writes messages in the outbox (any module, inside its transaction). */
@Global()
@Module({ providers: [MailOutbox], exports: [MailOutbox] })
export class OutboxModule {}

/** Sends them. */
@Module({
  imports: [MeetingsModule],
  controllers: [MailController],
  providers: [MailTransport, MailComposer, OutboxSender],
})
export class MailModule {}
