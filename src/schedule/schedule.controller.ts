import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import { RunScheduleDto, ScheduleProposalDto } from './schedule.dto.js';
import { ScheduleService } from './schedule.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class ScheduleController {
  constructor(private readonly scheduler: ScheduleService) {}

  @Roles('organizer')
  @Post('editions/:editionId/schedule')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Batch scheduler: places the pending requests around the meetings already scheduled. ' +
      'A dry run by default; {commit: true} publishes the proposal in one transaction',
  })
  run(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Body() dto: RunScheduleDto,
  ): Promise<ScheduleProposalDto> {
    return this.scheduler.run(user, editionId, dto);
  }
}
