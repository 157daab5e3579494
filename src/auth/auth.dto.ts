import { ApiProperty } from '@nestjs/swagger';
import { Email, Text } from '../common/validation.js';
import type { Participant } from '../participants/participant.entity.js';
import type { Role, User } from './user.entity.js';

export class LoginDto {
  @Email()
  email: string;

  @Text({ max: 128 })
  password: string;
}

export class ParticipationDto {
  @ApiProperty() editionId: string;
  @ApiProperty() participantId: string;
  @ApiProperty({ enum: ['exhibitor', 'visitor'] }) kind: string;
  @ApiProperty({ nullable: true, type: String }) exhibitorId: string | null;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['organizer', 'exhibitor', 'visitor'] }) role: Role;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ nullable: true, type: String }) organizationId: string | null;
}

export class MeDto extends UserDto {
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
