import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../contract/vocabularies.js';
import type {
  Me as ContractMe,
  Participation as ContractParticipation,
  User as ContractUser,
} from '../contract/api.js';
import { Email, Text } from '../common/validation.js';
import type { Participant } from '../participants/participant.entity.js';
import type { Role, User } from './user.entity.js';

export class LoginDto {
  @Email()
  email: string;

  @Text({ max: 128 })
  password: string;
}

export class ParticipationDto implements ContractParticipation {
  @ApiProperty() editionId: string;
  @ApiProperty() participantId: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) kind: ParticipantKind;
  @ApiProperty({ nullable: true, type: String }) exhibitorId: string | null;
}

export class UserDto implements ContractUser {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['organizer', 'exhibitor', 'visitor'] }) role: Role;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ nullable: true, type: String }) organizationId: string | null;
}

export class MeDto extends UserDto implements ContractMe {
  @ApiProperty({ type: [ParticipationDto] }) participations: ParticipationDto[];
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    firstName: user.firstName,
    lastName: user.lastName,
    organizationId: user.organizationId,
  };
}

export function toParticipationDto(p: Participant): ParticipationDto {
  return { editionId: p.editionId, participantId: p.id, kind: p.kind, exhibitorId: p.exhibitorId };
}
