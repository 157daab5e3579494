import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  Coverage,
  CoverageItem,
  MatchRequestProposal,
  MatchRequests,
  Recommendation,
  RecommendationReason,
  RecommendationReasonKind,
  Recommendations,
} from '../contract/api.js';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../contract/vocabularies.js';
import { Bool, Int, QueryInt } from '../common/validation.js';

export const REASON_KINDS: RecommendationReasonKind[] = [
  'need_offer',
  'offer_need',
  'sector',
  'department',
  'neighbour',
  'interest',
];

export class RecommendationsQueryDto {
  @QueryInt({ min: 1, max: 50, optional: true, description: 'How many suggestions (default 10)' })
  limit?: number;
}

export class CoverageQueryDto {
  @QueryInt({ min: 1, max: 1000, optional: true, description: 'How many people (default 200)' })
  limit?: number;
}

export class MatchRequestsDto {
  @Bool({ optional: true, description: 'false (default): a preview; true: create the requests' })
  commit?: boolean;

  @Int({
    min: 1,
    max: 5,
    optional: true,
    description:
      'Requests per person who has sent none, from their best mutual matches (default 2)',
  })
  perParticipant?: number;
}

export class RecommendationReasonDto implements RecommendationReason {
  @ApiProperty({ enum: REASON_KINDS }) kind: RecommendationReasonKind;
  @ApiProperty({ example: '« fromages locaux » ↔ propose « fromages fermiers »' }) text: string;
}

export class RecommendationDto implements Recommendation {
  @ApiProperty() participantId: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) kind: ParticipantKind;
  @ApiPropertyOptional({ nullable: true, type: String }) exhibitorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) organizationId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Higher is better; comparable within one list' }) score: number;
  @ApiProperty({ description: "Both sides' needs meet the other's offers" }) mutual: boolean;
  @ApiProperty({ type: [RecommendationReasonDto] }) reasons: RecommendationReasonDto[];
  @ApiProperty({ description: 'A first message for a meeting request, from the reasons' })
  requestMessage: string;
}

export class HintDto {
  @ApiProperty({ example: 'recommendation/empty_profile' }) code: string;
  @ApiProperty() message: string;
}

export class RecommendationsDto implements Recommendations {
  @ApiProperty({ type: [RecommendationDto], description: 'Best first' })
  items: RecommendationDto[];
  @ApiPropertyOptional({ nullable: true, type: HintDto }) hint: HintDto | null;
}

export class CoverageItemDto implements CoverageItem {
  @ApiProperty() participantId: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) kind: ParticipantKind;
  @ApiProperty() name: string;
  @ApiProperty() goodMatches: number;
  @ApiProperty() bestScore: number;
  @ApiProperty() meetings: number;
}

export class CoverageDto implements Coverage {
  @ApiProperty({
    type: [CoverageItemDto],
    description: 'No good match first, then no meeting yet; exhibitors before visitors',
  })
  items: CoverageItemDto[];
  @ApiProperty() total: number;
}

export class MatchRequestProposalDto implements MatchRequestProposal {
  @ApiProperty() requesterId: string;
  @ApiProperty() requesterName: string;
  @ApiProperty() inviteeId: string;
  @ApiProperty() inviteeName: string;
  @ApiProperty() score: number;
  @ApiProperty() message: string;
}

export class MatchRequestsResultDto implements MatchRequests {
  @ApiProperty() committed: boolean;
  @ApiProperty({ type: [MatchRequestProposalDto] }) proposals: MatchRequestProposalDto[];
  @ApiProperty() created: number;
}
