#requires -Module Pester
# Issue 18 item 8: Connect-Composio -UserApiKey sends x-user-api-key (never with x-api-key), and the
# key is redacted like the project key.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $emulator = Start-TestEmulator
    $script:UserKey = 'uak_emulator_user'   # the emulator's default user key
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Connect-Composio -UserApiKey' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'sends the user key as x-user-api-key, and never x-api-key, on every auth-config and toolkit call' {
        $connection = Connect-Composio -UserApiKey (ConvertTo-SecureString $script:UserKey -AsPlainText -Force) -BaseUri $emulator.BaseUri -PassThru
        $made = New-ComposioAuthConfig -Toolkit github -Name 'by a user key'
        Set-ComposioAuthConfig -Id $made.Id -Name 'renamed by a user key' -Confirm:$false
        Disable-ComposioAuthConfig -Id $made.Id -Confirm:$false
        $null = Get-ComposioAuthConfig -IncludeDisabled
        $null = Get-ComposioToolkit -Slug notion
        Remove-ComposioAuthConfig -Id $made.Id -Force -Confirm:$false
        $requests = @(Get-WireRequest $emulator)
        $requests.Count | Should -BeGreaterThan 6
        foreach ($r in $requests) {
            $r.headers.'x-user-api-key' | Should -Be $script:UserKey
            $r.headers.PSObject.Properties.Name | Should -Not -Contain 'x-api-key'
            $r.status | Should -BeLessThan 300
        }
        $connection.ApiKeyHint | Should -Be 'user key uak_…user'
    }

    It 'keeps the user key out of output, every stream and errors' {
        $key = 'uak_secret_user_key_9Zq'
        $script = @"
            `$ErrorActionPreference = 'Continue'
            Connect-Composio -UserApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)' -PassThru -Verbose -Debug
            Get-ComposioAuthConfig -Verbose -Debug
            Get-ComposioConnection | Format-List * | Out-String
"@
        $out = (Invoke-FreshPwsh $script) -join "`n"
        $out | Should -Match 'Invalid user API key|Unauthorized|401'   # the emulator does not know this key
        $out | Should -Not -Match ([regex]::Escape($key))
        $out | Should -Not -Match 'secret_user'
    }

    It 'refuses -ApiKey and -UserApiKey together before sending anything' {
        { Connect-Composio -ApiKey (ConvertTo-SecureString $emulator.ApiKey -AsPlainText -Force) -UserApiKey (ConvertTo-SecureString $script:UserKey -AsPlainText -Force) -BaseUri $emulator.BaseUri } |
            Should -Throw -ErrorId 'AmbiguousParameterSet*'
        Get-WireRequest $emulator | Should -BeNullOrEmpty
    }
}
