import { Module } from '@nestjs/common';
import { InvitationsController, TeamsController } from './teams.controller.js';
import { TeamsService } from './teams.service.js';

@Module({
  controllers: [TeamsController, InvitationsController],
  providers: [TeamsService],
})
export class TeamsModule {}
