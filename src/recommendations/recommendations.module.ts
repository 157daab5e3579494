import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { MatchRequestsService } from './match-requests.service.js';
import { RecommendationIndex } from './recommendation-index.js';
import { RecommendationsController } from './recommendations.controller.js';
import { RecommendationsService } from './recommendations.service.js';

/** Matchmaking's Nest side: the engine (src/matching/) over each edition's profiles, kept fresh. */
@Module({
  imports: [EditionsModule, MeetingsModule],
  controllers: [RecommendationsController],
  providers: [RecommendationIndex, RecommendationsService, MatchRequestsService],
})
export class RecommendationsModule {}
