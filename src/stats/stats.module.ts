import { Module } from '@nestjs/common';
import { ConventionsModule } from '../conventions/conventions.module.js';
import { EditionsModule } from '../editions/editions.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ExportsService } from './exports.service.js';
import { SlotStatsService } from './slot-stats.service.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

/** The organizer's figures and exports; it owns `StatsChanged`, which other modules emit. */
@Module({
  imports: [EditionsModule, MeetingsModule, ConventionsModule, LeadsModule],
  controllers: [StatsController],
  providers: [StatsService, SlotStatsService, ExportsService],
  exports: [StatsService],
})
export class StatsModule {}
