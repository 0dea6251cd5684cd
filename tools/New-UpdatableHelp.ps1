<#
.SYNOPSIS
    Writes a module's updatable help: what Update-Help and Save-Help download from HelpInfoUri.
.DESCRIPTION
    For a built module folder, writes into OutputPath:
      <Name>_<GUID>_HelpInfo.xml                  the cultures on offer and their versions
      <Name>_<GUID>_<culture>_HelpContent.zip     read by PowerShell 7 on Linux and macOS
      <Name>_<GUID>_<culture>_HelpContent.cab     read on Windows (PowerShell 7 and 5.1)
    one pair of archives per culture folder of the module (en-US/...), holding its help files.
    The HelpInfo file sends Update-Help to the manifest's HelpInfoUri for the archives, so the
    folder is published there as it is. `Update-Help -SourcePath <folder>` reads it offline.
.EXAMPLE
    ./tools/New-UpdatableHelp.ps1 -ModulePath out/Composio/0.1.0 -OutputPath out/help
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
. (Join-Path $PSScriptRoot 'Help/CabinetFile.ps1')

$manifestFile = Get-ChildItem $ModulePath -Filter *.psd1 | Select-Object -First 1
if (-not $manifestFile) { throw "No module manifest in '$ModulePath'." }
$manifest = Import-PowerShellDataFile $manifestFile.FullName
$name = $manifestFile.BaseName
if (-not $manifest['HelpInfoUri']) { throw "$($manifestFile.Name) has no HelpInfoUri: Update-Help would have nowhere to look." }
$prefix = '{0}_{1}' -f $name, $manifest.GUID
# Update-Help compares these versions with what is installed; four parts, as it writes them back.
$v = [version]$manifest.ModuleVersion
$helpVersion = [version]::new($v.Major, $v.Minor, [Math]::Max($v.Build, 0), [Math]::Max($v.Revision, 0))

$OutputPath = (New-Item -ItemType Directory -Force $OutputPath).FullName
Get-ChildItem $OutputPath -Filter "$prefix*" | Remove-Item -Force

$cultures = foreach ($dir in Get-ChildItem $ModulePath -Directory) {
    # A culture folder by its name (en-US, de-DE, fr): no CultureInfo, which an ICU-less machine may lack.
    if ($dir.Name -cnotmatch '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$') { continue }
    # Update-Help installs only .xml and .txt files and rejects an archive holding anything else.
    $files = @(Get-ChildItem $dir.FullName -File | Where-Object Extension -in '.xml', '.txt' | Sort-Object Name)
    if (-not $files) { continue }
    $culture = $dir.Name

    $zip = Join-Path $OutputPath "${prefix}_${culture}_HelpContent.zip"
    $archive = [System.IO.Compression.ZipFile]::Open($zip, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        foreach ($f in $files) {
            [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($archive, $f.FullName, $f.Name, [System.IO.Compression.CompressionLevel]::Optimal) | Out-Null
        }
    }
    finally { $archive.Dispose() }
    Write-CabinetFile -Path (Join-Path $OutputPath "${prefix}_${culture}_HelpContent.cab") -File $files
    $culture
}
if (-not $cultures) { throw "No culture folder with help files (en-US/...) in '$ModulePath'." }

$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create((Join-Path $OutputPath "${prefix}_HelpInfo.xml"), $settings)
try {
    $ns = 'http://schemas.microsoft.com/powershell/help/2010/05'
    $writer.WriteStartElement('HelpInfo', $ns)
    $writer.WriteElementString('HelpContentURI', $ns, $manifest.HelpInfoUri)
    $writer.WriteStartElement('SupportedUICultures', $ns)
    foreach ($c in $cultures) {
        $writer.WriteStartElement('UICulture', $ns)
        $writer.WriteElementString('UICultureName', $ns, $c)
        $writer.WriteElementString('UICultureVersion', $ns, $helpVersion.ToString())
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}
finally { $writer.Dispose() }
Write-Verbose "Updatable help for $name $($manifest.ModuleVersion) ($($cultures -join ', ')) in $OutputPath."
