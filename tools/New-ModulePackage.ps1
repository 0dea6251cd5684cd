<#
.SYNOPSIS
    Packs a module folder into <Name>.<Version>.nupkg with Publish-PSResource, offline.
.DESCRIPTION
    Publish-PSResource packs only on its way to a registered repository, so this publishes to a
    temporary folder repository and keeps the nupkg it leaves there. The nupkg holds the folder's
    files and nothing else (plus the nuspec and the package's own parts).

    Your repository registrations are left as they are: the publishing runs in a child pwsh whose
    PSResourceGet settings folder is a temporary one (PSResourceGet keeps its list under the local
    application-data folder, which follows XDG_DATA_HOME on Linux and macOS). Windows has no such
    switch, so there the repository gets a unique name and is unregistered in any case.
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
$work = New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) "module-package-$([guid]::NewGuid().ToString('N'))")
$repository = New-Item -ItemType Directory (Join-Path $work 'repository')
$savedDataHome = $env:XDG_DATA_HOME
try {
    $env:XDG_DATA_HOME = (New-Item -ItemType Directory (Join-Path $work 'data')).FullName
    $publish = {
        param($ModulePath, $Repository, $Name)
        $ErrorActionPreference = 'Stop'
        Register-PSResourceRepository -Name $Name -Uri $Repository -Trusted
        try { Publish-PSResource -Path $ModulePath -Repository $Name }
        finally { Unregister-PSResourceRepository -Name $Name }
    }
    # A child like the caller: under `dotnet pwsh` the process is dotnet, and pwsh.dll sits in $PSHOME.
    $exe = [Environment]::ProcessPath
    [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
    & $exe @prefix -NoProfile -NonInteractive -Command $publish -args $ModulePath, $repository.FullName, "ModulePackage-$($work.Name)"
    if ($LASTEXITCODE -ne 0) { throw "Publish-PSResource of '$ModulePath' failed (exit code $LASTEXITCODE)." }

    $nupkg = @(Get-ChildItem $repository -Filter *.nupkg)
    if ($nupkg.Count -ne 1) { throw "Expected one nupkg from Publish-PSResource, found $($nupkg.Count)." }
    $target = Join-Path (New-Item -ItemType Directory -Force $OutputPath).FullName $nupkg[0].Name
    Move-Item $nupkg[0].FullName $target -Force
    Get-Item $target
}
finally {
    $env:XDG_DATA_HOME = $savedDataHome
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
