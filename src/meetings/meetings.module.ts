import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { AgendaService } from './agenda.service.js';
import { FeedbackController } from './feedback.controller.js';
import { FeedbackService } from './feedback.service.js';
import { MeetingViews } from './meeting-views.js';
import { MeetingsListController, MeetingsListService } from './meetings-list.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { ParticipantsLookup } from './participants.lookup.js';
import { RequestExpiry } from './request-expiry.js';
import { SlotBooker } from './slot-booker.js';

@Module({
  imports: [EditionsModule],
  controllers: [MeetingsController, MeetingsListController, FeedbackController],
  providers: [
    MeetingsService,
    MeetingsListService,
    AgendaService,
    MeetingViews,
    ParticipantsLookup,
    SlotBooker,
    RequestExpiry,
    FeedbackService,
  ],
  exports: [
    MeetingsService,
    AgendaService,
    FeedbackService,
    MeetingViews,
    ParticipantsLookup,
    SlotBooker,
  ],
})
export class MeetingsModule {}
