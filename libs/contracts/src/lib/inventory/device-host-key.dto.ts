import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** `ssh-keygen -lf` form, without base64 padding. */
const FINGERPRINT_PATTERN = /^SHA256:[A-Za-z0-9+/]{43}$/;
const FINGERPRINT_EXAMPLE = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';

export class RefusedHostKeyView {
  @ApiProperty({ example: 'ssh-ed25519' }) algorithm!: string;
  @ApiProperty({ example: FINGERPRINT_EXAMPLE }) fingerprint!: string;
  @ApiProperty({ format: 'date-time', description: 'When the device last offered this key (and was refused).' }) offeredAt!: string;
}

/** The SSH host key netkeep trusts for a device: recorded on first use, checked by every backup and poll. */
export class DeviceHostKeyView {
  @ApiProperty({ description: 'known_hosts name: host, or [host]:port for a port other than 22.', example: '[192.0.2.10]:2222' }) name!: string;
  @ApiProperty({ example: 'ssh-ed25519' }) algorithm!: string;
  @ApiProperty({ example: FINGERPRINT_EXAMPLE }) fingerprint!: string;
  @ApiProperty({ description: 'The key as known_hosts holds it: algorithm and base64 blob.' }) knownHostsLine!: string;
  @ApiProperty({ format: 'date-time', description: 'First use, or when a change was accepted.' }) recordedAt!: string;
  @ApiProperty({ type: RefusedHostKeyView, nullable: true, description: 'A different key the device offered since, refused until it is accepted.' })
  refused!: RefusedHostKeyView | null;
}

export class AcceptHostKeyDto {
  @ApiProperty({
    description: 'Fingerprint of the refused key, as GET host-key shows it and as the device prints it: a key with another fingerprint is not accepted.',
    example: FINGERPRINT_EXAMPLE,
    pattern: FINGERPRINT_PATTERN.source,
  })
  @IsString()
  @Matches(FINGERPRINT_PATTERN, { message: 'fingerprint must be a SHA256 fingerprint as ssh-keygen -lf prints it (SHA256: and 43 base64 characters)' })
  fingerprint!: string;
}
