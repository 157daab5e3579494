import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { PrintController } from './print.controller.js';
import { PrintData } from './print-data.js';
import { PrintService } from './print.service.js';

/** PDFs to print: a person's agenda, everyone's for the welcome desk, badges, the table plan. */
@Module({
  imports: [EditionsModule, MeetingsModule],
  controllers: [PrintController],
  providers: [PrintService, PrintData],
})
export class PrintModule {}
