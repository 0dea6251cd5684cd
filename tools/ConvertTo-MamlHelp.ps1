<#
.SYNOPSIS
    Compiles platyPS-schema markdown help into MAML (for cmdlets) and .help.txt (for about topics).
.DESCRIPTION
    A self-contained stand-in for platyPS's New-ExternalHelp, which cannot be installed everywhere
    the module builds. Cmdlet pages go into the MAML file their front matter names (by default
    Composio.PowerShell.dll-Help.xml); about_*.md pages become about_*.help.txt. A page that
    cannot be read is reported as a warning and skipped, so one bad page does not stop the build.
.EXAMPLE
    ./tools/ConvertTo-MamlHelp.ps1 -DocsPath docs -OutputPath out/Composio/0.1.0/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
. (Join-Path $PSScriptRoot 'Help/HelpMarkdown.ps1')
. (Join-Path $PSScriptRoot 'Help/CommandHelp.ps1')
. (Join-Path $PSScriptRoot 'Help/AboutHelpText.ps1')

$OutputPath = (New-Item -ItemType Directory -Force $OutputPath).FullName
$utf8 = [System.Text.UTF8Encoding]::new($false)
$commandsByFile = [ordered]@{}

foreach ($file in Get-ChildItem -Path $DocsPath -Filter *.md -File | Sort-Object Name) {
    try {
        $doc = Read-HelpMarkdown $file.FullName
        if (-not $doc.Title) { Write-Verbose "Skipping $($file.Name): no '# Name' heading."; continue }
        if ($doc.Title -like 'about_*') {
            $target = Join-Path $OutputPath "$($doc.Title.Trim()).help.txt"
            [System.IO.File]::WriteAllText($target, (ConvertTo-AboutHelpText $doc), $utf8)
            continue
        }
        if ($doc.Title -notmatch '^\w+-\w+$') { Write-Verbose "Skipping $($file.Name): not a cmdlet page."; continue }
        $helpFile = $doc.FrontMatter['external help file']
        if (-not $helpFile) { $helpFile = 'Composio.PowerShell.dll-Help.xml' }
        if (-not $commandsByFile.Contains($helpFile)) { $commandsByFile[$helpFile] = [System.Collections.Generic.List[object]]::new() }
        $commandsByFile[$helpFile].Add((ConvertTo-CommandHelp $doc))
    }
    catch {
        Write-Warning "Help page $($file.Name) was skipped: $($_.Exception.Message) (line $($_.InvocationInfo.ScriptLineNumber) of $($_.InvocationInfo.ScriptName))"
    }
}

# XmlWriter, not string building, so every <, & and quote in the text is escaped correctly.
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = $utf8 }
foreach ($helpFile in $commandsByFile.Keys) {
    $writer = [System.Xml.XmlWriter]::Create((Join-Path $OutputPath $helpFile), $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($help in $commandsByFile[$helpFile]) { Write-MamlCommand $writer $help }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
    Write-Verbose "Wrote $($commandsByFile[$helpFile].Count) commands to $helpFile."
}
