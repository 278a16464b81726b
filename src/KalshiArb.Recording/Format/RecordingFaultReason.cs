namespace KalshiArb.Recording.Format;

/// <summary>Why a segment or block could not be read. A reason at the very end of the last segment is a torn tail; elsewhere it is corruption.</summary>
public enum RecordingFaultReason
{
    None = 0,
    TruncatedSegmentHeader,
    BadSegmentMagic,
    SegmentHeaderChecksum,
    UnsupportedVersion,
    UnsupportedCodec,
    TruncatedBlockHeader,
    BadBlockMagic,
    BlockHeaderChecksum,
    BlockLengthOutOfRange,
    TruncatedBlockPayload,
    BlockPayloadChecksum,
    DecompressionFailed,
    BadRecord,
    SegmentUnreadable,
}
