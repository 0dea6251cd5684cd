# Turns a parsed about-topic page into the plain text Get-Help shows for about_* topics:
# headings in capitals at the margin, text indented and wrapped to 80 columns, code kept as is.

function Format-WrappedText([string] $Text, [int] $Indent, [int] $Hanging = 0, [int] $Width = 80) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    $pad = ' ' * $Indent
    foreach ($word in $Text.Split([char[]]" `t", [System.StringSplitOptions]::RemoveEmptyEntries)) {
        if ($line -and ($pad.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($pad + $line)
            $pad = ' ' * ($Indent + $Hanging)
            $line = $word
        }
        else { $line = if ($line) { "$line $word" } else { $word } }
    }
    if ($line) { $lines.Add($pad + $line) }
    $lines
}

function Format-AboutBody([string[]] $Lines, [int] $Indent) {
    foreach ($block in Split-MarkdownBlock $Lines) {
        if ($block.Kind -eq 'Code') {
            foreach ($l in $block.Lines) { (' ' * ($Indent + 4)) + $l }
            ''
            continue
        }
        foreach ($p in ConvertTo-HelpParagraph $block.Lines) {
            foreach ($item in $p -split "`n") {
                # List items hang under their text, not under the bullet.
                $hanging = if ($item -match '^([-*+]|\d+\.)\s') { $Matches[0].Length } else { 0 }
                Format-WrappedText $item $Indent $hanging
            }
            ''
        }
    }
}

function ConvertTo-AboutHelpText {
    param([Parameter(Mandatory)] $Doc)

    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC')
    $out.Add('    ' + $Doc.Title.Trim().ToLowerInvariant())
    $out.Add('')
    foreach ($section in $Doc.Sections.Values) {
        $out.Add($section.Name.ToUpperInvariant())
        $out.AddRange([string[]]@(Format-AboutBody $section.Lines 4))
        foreach ($sub in $section.Subsections) {
            $out.Add('    ' + $sub.Title.ToUpperInvariant())
            $out.AddRange([string[]]@(Format-AboutBody $sub.Lines 4))
        }
    }
    # Collapse runs of blank lines that empty sections or trailing blanks leave behind.
    (($out -join "`n") -replace "`n{3,}", "`n`n").TrimEnd() + "`n"
}
