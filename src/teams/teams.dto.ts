import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CreatedTeamInvitation,
  Team,
  TeamInvitation as ContractTeamInvitation,
  TeamInvitationPreview,
  TeamJoined,
  TeamMember,
} from '../contract/api.js';
import { UserDto } from '../auth/auth.dto.js';
import { Email, Password, Text } from '../common/validation.js';
import type { TeamInvitation } from './team-invitation.entity.js';

export class InviteMemberDto {
  @Email({ description: 'The colleague’s email: their login, if they have none yet' })
  email: string;

  @Text({ max: 100, optional: true, description: 'Shown on the join page, and its default' })
  firstName?: string;

  @Text({ max: 100, optional: true })
  lastName?: string;
}

export class AddMemberDto {
  @Email()
  email: string;

  @Text({ max: 100 })
  firstName: string;

  @Text({ max: 100 })
  lastName: string;

  @Password({
    optional: true,
    description: 'Required unless the email already has an exhibitor account of this organization',
  })
  password?: string;
}

export class AcceptInvitationDto {
  @Text({
    max: 100,
    optional: true,
    description: 'Required for a new account (unless invited by name)',
  })
  firstName?: string;

  @Text({ max: 100, optional: true })
  lastName?: string;

  @Password({
    optional: true,
    description:
      'The new account’s password; for an email that already has an account, its password (or log in and send none)',
  })
  password?: string;
}

export class TeamMemberDto implements TeamMember {
  @ApiProperty() participantId: string;
  @ApiProperty() userId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiProperty({ description: 'The first member: carries the catalogue entry and matchmaking' })
  contact: boolean;
  @ApiProperty({ description: 'Scheduled meetings held: to hand over before leaving' })
  scheduledMeetings: number;
  @ApiProperty() joinedAt: string;
}

export class TeamInvitationDto implements ContractTeamInvitation {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true, type: String }) firstName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastName: string | null;
  @ApiProperty() expiresAt: string;
  @ApiProperty() createdAt: string;
}

export class CreatedTeamInvitationDto extends TeamInvitationDto implements CreatedTeamInvitation {
  @ApiProperty({ example: '/join/3q2-7w…', description: 'Shown once: only its hash is stored' })
  joinPath: string;
  @ApiProperty() joinUrl: string;
}

export class TeamDto implements Team {
  @ApiProperty() editionId: string;
  @ApiProperty() exhibitorId: string;
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) stand: string | null;
  @ApiProperty({ type: [TeamMemberDto] }) members: TeamMemberDto[];
  @ApiProperty({ type: [TeamInvitationDto], description: 'Pending invitations' })
  invitations: TeamInvitationDto[];
}

export class TeamInvitationPreviewDto implements TeamInvitationPreview {
  @ApiProperty() editionId: string;
  @ApiProperty() editionName: string;
  @ApiProperty() exhibitorId: string;
  @ApiProperty() organizationName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) stand: string | null;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true, type: String }) firstName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastName: string | null;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ description: 'Join by logging in with the existing account' })
  existingAccount: boolean;
}

export class TeamJoinedDto implements TeamJoined {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty() editionId: string;
  @ApiProperty() exhibitorId: string;
  @ApiProperty() participantId: string;
}

export function toInvitationDto(invitation: TeamInvitation): TeamInvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    firstName: invitation.firstName,
    lastName: invitation.lastName,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}
