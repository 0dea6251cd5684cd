# Writes a Microsoft cabinet (.cab) file: what Update-Help unpacks on Windows (PowerShell 7 on
# Linux and macOS reads a .zip instead). No tool that makes cabinets ships with the .NET SDK, so
# this writes the format itself ([MS-CAB]): one folder, MSZIP-compressed, every block checksummed.

# [MS-CAB] 2.6 checksum: the bytes XORed as little-endian 32-bit words; a tail of 1-3 bytes is
# taken most significant byte first.
function Get-CabinetChecksum([byte[]] $Bytes, [int] $Count, [uint32] $Seed = 0) {
    $sum = $Seed
    $words = [Math]::Floor($Count / 4)
    for ($i = 0; $i -lt $words; $i++) { $sum = $sum -bxor [BitConverter]::ToUInt32($Bytes, $i * 4) }
    [uint32] $tail = 0
    $at = $words * 4
    switch ($Count % 4) {
        3 { $tail = ([uint32]$Bytes[$at] -shl 16) -bor ([uint32]$Bytes[$at + 1] -shl 8) -bor $Bytes[$at + 2] }
        2 { $tail = ([uint32]$Bytes[$at] -shl 8) -bor $Bytes[$at + 1] }
        1 { $tail = $Bytes[$at] }
    }
    [uint32]($sum -bxor $tail)
}

function Write-CabinetFile {
    param(
        [Parameter(Mandatory)] [string] $Path,
        # The files, stored under their names (no folders: help content is flat).
        [Parameter(Mandatory)] [System.IO.FileInfo[]] $File
    )
    $blockSize = 32768   # MSZIP blocks hold at most 32 KB of uncompressed data

    # The folder's uncompressed stream is every file one after the other.
    $data = [System.IO.MemoryStream]::new()
    $entries = foreach ($f in $File) {
        $offset = $data.Length
        $bytes = [System.IO.File]::ReadAllBytes($f.FullName)
        $data.Write($bytes, 0, $bytes.Length)
        [pscustomobject]@{ Name = $f.Name; Size = $bytes.Length; Offset = $offset; Time = $f.LastWriteTime }
    }
    $all = $data.ToArray()

    # Each block is 'CK' and a complete deflate stream of its own, so no block refers to another.
    $blocks = [System.Collections.Generic.List[object]]::new()
    for ($at = 0; $at -lt $all.Length -or $blocks.Count -eq 0; $at += $blockSize) {
        $length = [Math]::Min($blockSize, $all.Length - $at)
        $packed = [System.IO.MemoryStream]::new()
        $packed.WriteByte(0x43); $packed.WriteByte(0x4B)
        $deflate = [System.IO.Compression.DeflateStream]::new($packed, [System.IO.Compression.CompressionLevel]::Optimal, $true)
        $deflate.Write($all, $at, $length)
        $deflate.Dispose()
        $blocks.Add([pscustomobject]@{ Bytes = $packed.ToArray(); Uncompressed = $length })
    }

    $utf8 = [System.Text.UTF8Encoding]::new($false)
    $headerSize = 36
    $folderSize = 8
    $fileTableSize = 0
    foreach ($e in $entries) { $fileTableSize += 16 + $utf8.GetByteCount($e.Name) + 1 }
    $firstData = $headerSize + $folderSize + $fileTableSize
    $total = $firstData
    foreach ($b in $blocks) { $total += 8 + $b.Bytes.Length }

    $stream = [System.IO.File]::Create($Path)
    $w = [System.IO.BinaryWriter]::new($stream)
    try {
        # CFHEADER
        $w.Write([byte[]][char[]]'MSCF')
        $w.Write([uint32]0); $w.Write([uint32]$total); $w.Write([uint32]0)
        $w.Write([uint32]($headerSize + $folderSize)); $w.Write([uint32]0)
        $w.Write([byte]3); $w.Write([byte]1)                  # format version 1.3
        $w.Write([uint16]1); $w.Write([uint16]@($entries).Count)
        $w.Write([uint16]0); $w.Write([uint16]0); $w.Write([uint16]0)   # flags, set id, cabinet index
        # CFFOLDER: where its data starts, how many blocks, MSZIP
        $w.Write([uint32]$firstData); $w.Write([uint16]$blocks.Count); $w.Write([uint16]1)
        # CFFILE entries
        foreach ($e in $entries) {
            $t = $e.Time
            $w.Write([uint32]$e.Size); $w.Write([uint32]$e.Offset); $w.Write([uint16]0)
            $w.Write([uint16]((($t.Year - 1980) -shl 9) -bor ($t.Month -shl 5) -bor $t.Day))
            $w.Write([uint16](($t.Hour -shl 11) -bor ($t.Minute -shl 5) -bor [Math]::Floor($t.Second / 2)))
            $name = $utf8.GetBytes($e.Name)
            # 0x20 archive; 0x80 says the name is UTF-8, needed only past ASCII.
            $w.Write([uint16]$(if ($name.Length -ne $e.Name.Length) { 0xA0 } else { 0x20 }))
            $w.Write($name); $w.Write([byte]0)
        }
        # CFDATA blocks; the checksum covers the data, then the two sizes.
        foreach ($b in $blocks) {
            $sizes = [byte[]]::new(4)
            [BitConverter]::GetBytes([uint16]$b.Bytes.Length).CopyTo($sizes, 0)
            [BitConverter]::GetBytes([uint16]$b.Uncompressed).CopyTo($sizes, 2)
            $w.Write([uint32](Get-CabinetChecksum $sizes 4 (Get-CabinetChecksum $b.Bytes $b.Bytes.Length)))
            $w.Write($sizes)
            $w.Write($b.Bytes)
        }
    }
    finally { $w.Dispose() }
}
