<#
.SYNOPSIS
    Packs a module folder into <Name>.<Version>.nupkg with Publish-PSResource, offline.
.DESCRIPTION
    Publish-PSResource packs only on its way to a registered repository, so this publishes to a
    temporary folder repository and keeps the nupkg it leaves there. The nupkg holds the folder's
    files and nothing else (plus the nuspec and the package's own parts).

    Your repository registrations are left as they are: the publishing runs in a child pwsh with
    its own PSResourceGet settings (TemporaryRepository.ps1).
.EXAMPLE
    ./tools/New-ModulePackage.ps1 -ModulePath out/Composio/0.1.0 -OutputPath out
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ModulePath = (Resolve-Path $ModulePath).Path
$manifest = Get-ChildItem $ModulePath -Filter *.psd1 | Select-Object -First 1
if (-not $manifest) { throw "No module manifest in '$ModulePath'." }
. (Join-Path $PSScriptRoot 'TemporaryRepository.ps1')
$repository = New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) "module-package-$([guid]::NewGuid().ToString('N'))")
try {
    Invoke-InTemporaryRepository -Folder $repository.FullName -Arguments $ModulePath -Script {
        param($Repository, $ModulePath)
        Publish-PSResource -Path $ModulePath -Repository $Repository
    }
    $nupkg = @(Get-ChildItem $repository -Filter *.nupkg)
    if ($nupkg.Count -ne 1) { throw "Expected one nupkg from Publish-PSResource, found $($nupkg.Count)." }
    $target = Join-Path (New-Item -ItemType Directory -Force $OutputPath).FullName $nupkg[0].Name
    Move-Item $nupkg[0].FullName $target -Force
    Get-Item $target
}
finally {
    Remove-Item $repository -Recurse -Force -ErrorAction SilentlyContinue
}
