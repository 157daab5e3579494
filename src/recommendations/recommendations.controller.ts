import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import { MatchRequestsService } from './match-requests.service.js';
import {
  CoverageDto,
  CoverageQueryDto,
  MatchRequestsDto,
  MatchRequestsResultDto,
  RecommendationsDto,
  RecommendationsQueryDto,
} from './recommendations.dto.js';
import { RecommendationsService } from './recommendations.service.js';

@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('editions/:editionId/recommendations')
export class RecommendationsController {
  constructor(
    private readonly recommendations: RecommendationsService,
    private readonly matchRequests: MatchRequestsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: RecommendationsDto })
  @ApiOperation({
    summary:
      'Who I should meet, and why: reciprocal suggestions from offers and needs, best first, with reasons in French',
  })
  list(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Query() query: RecommendationsQueryDto,
  ): Promise<RecommendationsDto> {
    return this.recommendations.recommend(user, editionId, query.limit);
  }

  @Roles('organizer')
  @Get('coverage')
  @ApiOkResponse({ type: CoverageDto })
  @ApiOperation({
    summary: 'Organizers: exhibitors and professionals with no good match or no meeting yet',
  })
  coverage(
    @IdParam('editionId') editionId: string,
    @Query() query: CoverageQueryDto,
  ): Promise<CoverageDto> {
    return this.recommendations.coverage(editionId, query.limit);
  }

  @Roles('organizer')
  @Post('requests')
  @HttpCode(200)
  @ApiOkResponse({ type: MatchRequestsResultDto })
  @ApiOperation({
    summary:
      'Organizers: turn the best mutual matches of people who sent no request into pending requests (preview, then commit: true)',
  })
  requests(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Body() dto: MatchRequestsDto,
  ): Promise<MatchRequestsResultDto> {
    return this.matchRequests.run(user, editionId, dto);
  }

  @Post(':participantId/dismiss')
  @HttpCode(204)
  @ApiOperation({ summary: 'Not interested: never suggest this person again, and fewer like them' })
  dismiss(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('participantId') participantId: string,
  ): Promise<void> {
    return this.recommendations.dismiss(user, editionId, participantId);
  }

  @Delete(':participantId/dismiss')
  @HttpCode(204)
  @ApiOperation({ summary: 'Undo a dismissal' })
  undismiss(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('participantId') participantId: string,
  ): Promise<void> {
    return this.recommendations.undismiss(user, editionId, participantId);
  }
}
