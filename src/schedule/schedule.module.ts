import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ScheduleController } from './schedule.controller.js';
import { ScheduleService } from './schedule.service.js';

/** The batch scheduler's Nest side: it loads an edition's requests, runs the engine in workers, publishes. */
@Module({
  imports: [EditionsModule, MeetingsModule],
  controllers: [ScheduleController],
  providers: [ScheduleService],
})
export class ScheduleModule {}
