import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { ExhibitorsModule } from '../exhibitors/exhibitors.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ExportsService } from '../stats/exports.service.js';
import { SlotStatsService } from '../stats/slot-stats.service.js';
import { StatsController } from '../stats/stats.controller.js';
import { StatsService } from '../stats/stats.service.js';
import { ConventionViews } from './convention-views.js';
import { ConventionsController } from './conventions.controller.js';
import { ConventionsService } from './conventions.service.js';

@Module({
  imports: [EditionsModule, ExhibitorsModule, MeetingsModule],
  controllers: [ConventionsController, StatsController],
  providers: [ConventionsService, ConventionViews, StatsService, SlotStatsService, ExportsService],
  exports: [ConventionsService, ConventionViews, StatsService],
})
export class ConventionsModule {}
