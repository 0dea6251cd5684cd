# Reads platyPS-schema markdown into a neutral shape (front matter, title, sections, subsections)
# and turns markdown text into help paragraphs. Knows nothing of MAML, so the MAML writer and the
# about-topic writer share it.

function Read-HelpMarkdown {
    param([Parameter(Mandatory)] [string] $Path)

    $lines = [System.IO.File]::ReadAllLines($Path)
    $front = @{}
    $start = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        for ($i = 1; $i -lt $lines.Count; $i++) {
            if ($lines[$i].Trim() -eq '---') { $start = $i + 1; break }
            if ($lines[$i] -match '^\s*([^:]+?)\s*:\s*(.*)$') { $front[$Matches[1]] = $Matches[2].Trim() }
        }
    }

    $doc = [pscustomobject]@{ Path = $Path; FrontMatter = $front; Title = $null; Sections = [ordered]@{} }
    $section = $null
    $target = $null   # the line list that text goes to: a section's own lines or its current subsection's
    $inFence = $false
    for ($i = $start; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        # Headings inside fenced code (a '# comment' in an example) are code, not structure.
        if ($line -match '^\s*(```|~~~)') { $inFence = -not $inFence }
        elseif (-not $inFence -and $line -match '^(#{1,3})\s+(.+?)\s*#*\s*$') {
            $level = $Matches[1].Length
            $text = $Matches[2]
            if ($level -eq 1) { if (-not $doc.Title) { $doc.Title = $text }; continue }
            if ($level -eq 2) {
                $section = [pscustomobject]@{ Name = $text; Lines = [System.Collections.Generic.List[string]]::new(); Subsections = [System.Collections.Generic.List[object]]::new() }
                $doc.Sections[$text.ToUpperInvariant()] = $section
                $target = $section.Lines
                continue
            }
            if ($section) {
                $sub = [pscustomobject]@{ Title = $text; Lines = [System.Collections.Generic.List[string]]::new() }
                $section.Subsections.Add($sub)
                $target = $sub.Lines
                continue
            }
        }
        if ($null -ne $target) { $target.Add($line) }
    }
    $doc
}

# Splits lines into text and fenced code blocks: [pscustomobject]@{ Kind = 'Text'|'Code'; Language; Lines }.
function Split-MarkdownBlock {
    param([AllowEmptyCollection()] [string[]] $Lines)

    $blocks = [System.Collections.Generic.List[object]]::new()
    $current = $null
    foreach ($line in $Lines) {
        if ($line -match '^\s*(```|~~~)\s*([\w-]*)') {
            if ($current -and $current.Kind -eq 'Code') { $blocks.Add($current); $current = $null; continue }
            if ($current) { $blocks.Add($current) }
            $current = [pscustomobject]@{ Kind = 'Code'; Language = $Matches[2]; Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        if (-not $current) { $current = [pscustomobject]@{ Kind = 'Text'; Language = $null; Lines = [System.Collections.Generic.List[string]]::new() } }
        $current.Lines.Add($line)
    }
    if ($current) { $blocks.Add($current) }   # an unclosed fence still keeps its text
    $blocks
}

# Markdown text to paragraphs: blank lines separate paragraphs; wrapped lines are joined; list
# items stay one per line; fenced code is kept verbatim as its own paragraph.
function ConvertTo-HelpParagraph {
    param([AllowEmptyCollection()] [string[]] $Lines)

    $paragraphs = [System.Collections.Generic.List[string]]::new()
    foreach ($block in Split-MarkdownBlock $Lines) {
        if ($block.Kind -eq 'Code') {
            if ($block.Lines.Count) { $paragraphs.Add(($block.Lines -join "`n")) }
            continue
        }
        $items = [System.Collections.Generic.List[string]]::new()
        foreach ($line in @($block.Lines) + '') {
            $trimmed = $line.Trim()
            if (-not $trimmed) {
                if ($items.Count) { $paragraphs.Add(($items -join "`n")); $items.Clear() }
            }
            elseif ($items.Count -eq 0 -or $trimmed -match '^([-*+]|\d+\.)\s') { $items.Add($trimmed) }
            else { $items[$items.Count - 1] += ' ' + $trimmed }
        }
    }
    $paragraphs
}

# The 'Key: value' lines of a platyPS parameter yaml block.
function ConvertFrom-ParameterYaml {
    param([AllowEmptyCollection()] [string[]] $Lines)

    $map = @{}
    foreach ($line in $Lines) {
        if ($line -match '^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.*)$') { $map[$Matches[1]] = $Matches[2].Trim() }
    }
    $map
}

# '[text](uri)' links, as in RELATED LINKS.
function Get-MarkdownLink {
    param([AllowEmptyCollection()] [string[]] $Lines)

    foreach ($line in $Lines) {
        foreach ($m in [regex]::Matches($line, '\[([^\]]+)\]\(([^)]*)\)')) {
            [pscustomobject]@{ Text = $m.Groups[1].Value; Uri = $m.Groups[2].Value }
        }
    }
}
